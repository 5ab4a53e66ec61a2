package dev.banger.plugins.vm.backend.firecracker;

/** Whether a backend can run on this host, and if not, the one-line reason shown to the user. */
public record Applicability(boolean applicable, String reason) {
    public static Applicability yes() {
        return new Applicability(true, "");
    }

    public static Applicability no(String reason) {
        return new Applicability(false, reason);
    }
}
