package dev.banger.kernel.api.cli;

import java.util.Locale;

/** Byte sizes the way people write and read them: {@code 4G}, {@code 512M} in; {@code 1.2 GiB} out. */
public final class Sizes {
    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 123}, {@code 4K}, {@code 512M}, {@code 4G}, {@code 1T} (binary units, optional trailing "iB" or "B"). */
    public static long parse(String text, String field) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        if (!t.matches("[0-9]+[KMGT]?")) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a size (examples: 512M, 4G)");
        }
        char unit = Character.isDigit(t.charAt(t.length() - 1)) ? ' ' : t.charAt(t.length() - 1);
        long n = Long.parseLong(unit == ' ' ? t : t.substring(0, t.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        return n << shift;
    }
}
