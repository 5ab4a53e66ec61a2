package dev.banger.plugins.vm.backend.qemu;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in daemon for {@link QemuSurvivesDaemonKillTest}: launches a machine-less QEMU the way the
 * backend does, prints its pid, and waits to be killed. Arguments: qemu, setsid, run directory.
 */
public final class LaunchThenWait {
    private LaunchThenWait() {
    }

    public static void main(String[] args) throws Exception {
        QemuRunDir run = new QemuRunDir(Path.of(args[2]));
        long pid = new QemuLauncher(Path.of(args[1]), Duration.ofSeconds(10))
                .launch(InstalledQemu.emptyMachine(Path.of(args[0]), run.qmpSocket(), run.pidFile()), run);
        System.out.println(pid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
