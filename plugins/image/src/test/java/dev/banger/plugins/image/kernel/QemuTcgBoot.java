package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Boots a kernel + initramfs in QEMU under TCG with HOST-NOTES' known-good microvm line, serial to a
 * file, and waits (bounded) until a line appears. The QEMU process it starts is always killed by pid.
 */
final class QemuTcgBoot {
    static final String QEMU = "qemu-system-x86_64";

    /** @param elapsed from QEMU's start to the marker; @param poweredOff QEMU exited on its own within 10 s of it */
    record Result(boolean markerSeen, Duration elapsed, boolean poweredOff, String serial) {
    }

    private QemuTcgBoot() {
    }

    static boolean available() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, QEMU)));
    }

    static Result boot(Path kernel, Path initrd, Optional<Path> disk, String extraAppend, String marker,
                       Duration timeout, Path workDir) throws IOException, InterruptedException {
        Path serial = workDir.resolve("serial-" + System.nanoTime() + ".log");
        List<String> argv = new ArrayList<>(List.of(QEMU,
                "-M", "microvm,pit=on,pic=on,rtc=on", "-accel", "tcg,thread=multi", "-cpu", "max",
                "-m", "256", "-smp", "1", "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 panic=-1 quiet tsc_early_khz=" + hostKhz() + " " + extraAppend,
                "-serial", "file:" + serial));
        disk.ifPresent(d -> argv.addAll(List.of("-drive", "file=" + d + ",format=raw,if=none,id=root",
                "-device", "virtio-blk-device,drive=root")));
        long start = System.nanoTime();
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("qemu-" + System.nanoTime() + ".out").toFile()).start();
        try {
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String log = read(serial);
                if (log.contains(marker) || !qemu.isAlive() || log.contains("BANGER-INITRAMFS-ERROR")) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                    boolean exited = qemu.waitFor(10, TimeUnit.SECONDS);
                    String finalLog = read(serial);
                    return new Result(finalLog.contains(marker), elapsed, exited, finalLog);
                }
                Thread.sleep(50);
            }
            return new Result(false, timeout, false, read(serial));
        } finally {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** tsc_early_khz spares the guest a slow TSC calibration under TCG (HOST-NOTES). */
    static long hostKhz() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("cpu MHz"))
                .findFirst().map(l -> (long) (Double.parseDouble(l.substring(l.indexOf(':') + 1).strip()) * 1000))
                .orElse(2_000_000L);
    }

    private static String read(Path serial) throws IOException {
        return Files.exists(serial) ? new String(Files.readAllBytes(serial), StandardCharsets.UTF_8) : "";
    }
}
