package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.process.HostCommand;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host's e2fsprogs version, from {@code mke2fs -V}; 1.47.1 added {@code mke2fs -d file.tar}. */
public record E2fsprogsVersion(int major, int minor, int patch) implements Comparable<E2fsprogsVersion> {
    private static final E2fsprogsVersion FIRST_WITH_TAR_INPUT = new E2fsprogsVersion(1, 47, 1);
    private static final Pattern VERSION = Pattern.compile("mke2fs (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses the banner, e.g. "mke2fs 1.47.0 (5-Feb-2023)"; unknown text counts as 0.0.0 (oldest). */
    public static E2fsprogsVersion parse(String mke2fsVersionOutput) {
        Matcher m = VERSION.matcher(mke2fsVersionOutput);
        if (!m.find()) {
            return new E2fsprogsVersion(0, 0, 0);
        }
        return new E2fsprogsVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** Asks the host's mke2fs (it prints the version on stderr). */
    public static E2fsprogsVersion detect() {
        HostCommand.Result result = HostCommand.of(List.of(HostTools.find("mke2fs"), "-V")).env("LC_ALL", "C").runAllowingFailure();
        return parse(result.stderr());
    }

    public boolean supportsTarInput() {
        return compareTo(FIRST_WITH_TAR_INPUT) >= 0;
    }

    @Override
    public int compareTo(E2fsprogsVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
