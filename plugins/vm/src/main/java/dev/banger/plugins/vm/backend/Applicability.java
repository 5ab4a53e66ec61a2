package dev.banger.plugins.vm.backend;

/** Whether a backend can run on this host, and if not, why (shown by `banger doctor` / vm.backends). */
public record Applicability(boolean applicable, String reason) {
    public static Applicability yes(String how) {
        return new Applicability(true, how);
    }

    public static Applicability no(String why) {
        return new Applicability(false, why);
    }
}
