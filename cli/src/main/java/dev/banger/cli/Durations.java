package dev.banger.cli;

/** "3h 2m", "41s": durations the way people read them. */
final class Durations {
    private Durations() {
    }

    static String human(long ms) {
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s / 3600 + "h " + s / 60 % 60 + "m";
    }
}
