package dev.banger.cli.system;

import dev.banger.kernel.api.process.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * systemctl, only where it means something: systemd is PID 1 (/run/systemd/system exists) and the
 * install is at the real root. An install under --root never enables or starts a unit.
 */
final class Systemd {
    private Systemd() {
    }

    static boolean manages(InstallPaths paths) {
        return paths.realRoot() && Files.isDirectory(Path.of("/run/systemd/system"));
    }

    static String whyNot(InstallPaths paths) {
        return paths.realRoot() ? "systemd is not running as PID 1 here (no /run/systemd/system)"
                : "the install lives under " + paths.root() + ", not /";
    }

    static void run(String... args) {
        List<String> argv = new ArrayList<>(List.of("systemctl"));
        argv.addAll(List.of(args));
        HostCommand.of(argv).timeout(Duration.ofMinutes(2)).purpose("systemctl " + String.join(" ", args)).run();
    }

    static String state(String unit) {
        return HostCommand.of("systemctl", "is-active", unit).timeout(Duration.ofSeconds(10)).runAllowingFailure().stdout().strip();
    }
}
