package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's cloud kernel, downloaded with the host's own apt configuration and unpacked, not installed
 * (installing it would pull a systemd upgrade onto the host). Where apt cannot get it, the boot test is
 * skipped with apt's own words.
 */
record DebianCloudKernel(Path vmlinuz, Path modules) {
    static DebianCloudKernel fetch(Path dir) throws IOException, InterruptedException {
        HostCommand.require("apt-cache", "apt");
        HostCommand.require("apt-get", "apt");
        HostCommand.require("dpkg-deb", "dpkg");
        String depends = HostCommand.in(dir, "apt-cache", "depends", "linux-image-cloud-amd64").run();
        String pkg = depends.lines().map(String::strip)
                .filter(line -> line.matches("Depends: linux-image-[0-9].*"))
                .map(line -> line.substring("Depends: ".length()))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(pkg != null, "apt does not know linux-image-cloud-amd64 (run apt-get update): " + depends);
        try {
            HostCommand.in(dir, "apt-get", "download", pkg).run();
        } catch (IOException e) {
            Assumptions.abort("apt-get download " + pkg + " failed here: " + e.getMessage());
        }
        Path deb;
        try (Stream<Path> files = Files.list(dir)) {
            deb = files.filter(f -> f.getFileName().toString().startsWith(pkg + "_")).findFirst().orElseThrow();
        }
        Path root = dir.resolve("root");
        HostCommand.in(dir, "dpkg-deb", "-x", deb.toString(), root.toString()).run();
        Files.delete(deb);
        try (Stream<Path> boot = Files.list(root.resolve("boot")); Stream<Path> lib = Files.list(root.resolve("lib/modules"))) {
            Path vmlinuz = boot.filter(f -> f.getFileName().toString().startsWith("vmlinuz-")).findFirst().orElseThrow();
            return new DebianCloudKernel(vmlinuz, lib.findFirst().orElseThrow());
        }
    }
}
