package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away initramfs: the host's static busybox, the four modules the virtio-serial port needs, and
 * an {@code /init} that prints {@link #CONSOLE_MARKER} on the serial console, writes {@code BANGER_READY}
 * to the virtio-serial port (as the real guest does), and then idles until QEMU is stopped.
 */
final class TestInitramfs {
    static final String CONSOLE_MARKER = "BANGER-QEMU-TEST-BOOTED";
    /** Load order: the transport (virtio_mmio) needs virtio and virtio_ring; the port driver needs all three. */
    private static final List<String> MODULES = List.of(
            "kernel/drivers/virtio/virtio.ko", "kernel/drivers/virtio/virtio_ring.ko",
            "kernel/drivers/virtio/virtio_mmio.ko", "kernel/drivers/char/virtio_console.ko");

    private static final String INIT = String.join("\n",
            "#!/bin/busybox sh",
            "B=/bin/busybox",
            "$B mkdir -p /proc /sys /dev",
            "$B mount -t proc proc /proc",
            "$B mount -t sysfs sysfs /sys",
            "$B mount -t devtmpfs devtmpfs /dev",
            "echo " + CONSOLE_MARKER + " > /dev/ttyS0",
            "for m in " + MODULES.stream().map(m -> "/modules/" + Path.of(m).getFileName()).collect(Collectors.joining(" ")) + "; do",
            "  $B insmod $m || echo \"insmod $m failed\" > /dev/ttyS0",
            "done",
            // devtmpfs makes /dev/vportNpM (no udev here for /dev/virtio-ports/NAME). The node can appear a moment
            // before the driver accepts opens (ENXIO), so retry; once open, the write waits for the host to connect.
            "( for i in $($B seq 100); do for p in /dev/vport*p* /dev/virtio-ports/*; do",
            "    [ -e \"$p\" ] && echo BANGER_READY 2>/dev/null > \"$p\" && { echo \"ready on $p\" > /dev/ttyS0; exit 0; }",
            "  done; $B sleep 0.1; done; echo 'could not write to a virtio port' > /dev/ttyS0 ) &",
            "while true; do $B sleep 60; done",
            "");

    private TestInitramfs() {
    }

    /** Builds {@code <dir>/initrd.cpio} (newc, uncompressed: the kernel takes it as is). */
    static Path build(Path dir, Path busybox, Path modulesRoot) throws IOException, InterruptedException {
        Path tree = Files.createDirectories(dir.resolve("initramfs"));
        Files.createDirectories(tree.resolve("bin"));
        Files.createDirectories(tree.resolve("modules"));
        Files.copy(busybox, tree.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String module : MODULES) {
            Files.copy(modulesRoot.resolve(module), tree.resolve("modules").resolve(Path.of(module).getFileName()));
        }
        Files.writeString(tree.resolve("init"), INIT);
        Files.setPosixFilePermissions(tree.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tree.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String names;
        try (Stream<Path> all = Files.walk(tree)) {
            names = all.filter(p -> !p.equals(tree)).map(p -> tree.relativize(p).toString()).collect(Collectors.joining("\n", "", "\n"));
        }
        Path cpio = dir.resolve("initrd.cpio");
        byte[] archive = runCpio(tree, names);
        Files.write(cpio, archive);
        return cpio;
    }

    private static byte[] runCpio(Path tree, String names) throws IOException, InterruptedException {
        Process cpio = new ProcessBuilder(HostCommand.require("cpio", "apt-get install cpio").toString(), "-o", "-H", "newc", "--quiet")
                .directory(tree.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        cpio.getOutputStream().write(names.getBytes(StandardCharsets.UTF_8));
        cpio.getOutputStream().close();
        byte[] archive = cpio.getInputStream().readAllBytes();
        if (cpio.waitFor() != 0 || archive.length == 0) {
            throw new IOException("cpio -o -H newc failed (exit " + cpio.exitValue() + ")");
        }
        return archive;
    }
}
