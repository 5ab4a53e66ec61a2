package dev.banger.cli.doctor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mke2fs turns image layers into ext4 disks. From 1.47.1 it reads a tar directly (`-d layer.tar`),
 * keeping owners and device nodes; older versions work through an extract + debugfs fix-up, slower.
 */
final class E2fsprogsCheck implements Check {
    private static final Pattern VERSION = Pattern.compile("mke2fs (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    @Override
    public String name() {
        return "e2fsprogs";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Optional<Path> mke2fs = ToolProbe.find("mke2fs");
        if (mke2fs.isEmpty()) {
            return CheckResult.fail(name(), "mke2fs not found", "apt-get install e2fsprogs", "images cannot be turned into disks");
        }
        String line = ToolProbe.versionLine(mke2fs.get(), "-V");
        Matcher m = VERSION.matcher(line);
        if (!m.find()) {
            return CheckResult.warn(name(), line, "check `mke2fs -V`", "could not read the version");
        }
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
        String version = v[0] + "." + v[1] + "." + v[2];
        if (supportsTar(v)) {
            return CheckResult.pass(name(), version + ", tar input supported", mke2fs.get().toString());
        }
        return CheckResult.warn(name(), version + ", no tar input",
                "e2fsprogs >= 1.47.1 (bookworm-backports, Debian 13) builds images faster",
                "`mke2fs -d FILE.tar` needs >= 1.47.1; images are built by extracting and fixing owners with debugfs instead");
    }

    static boolean supportsTar(int[] v) {
        return v[0] > 1 || (v[0] == 1 && (v[1] > 47 || (v[1] == 47 && v[2] >= 1)));
    }
}
