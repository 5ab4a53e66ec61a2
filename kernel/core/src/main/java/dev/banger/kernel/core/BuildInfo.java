package dev.banger.kernel.core;

/** The version stamped into the jar manifest at build time ("dev" when run from classes). */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
