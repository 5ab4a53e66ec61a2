package dev.banger.plugins.vm.backend.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The host's QEMU for tests that need a real one; they are skipped, saying why, where it is missing. */
final class InstalledQemu {
    private InstalledQemu() {
    }

    static Path require() {
        Optional<Path> qemu = ExecutableSearch.ofThisProcess().find(QemuHost.QEMU_BINARY);
        Assumptions.assumeTrue(qemu.isPresent(), "qemu-system-x86_64 is not installed on this host "
                + "(apt-get install --no-install-recommends qemu-system-x86)");
        return qemu.get();
    }

    static Path requireSetsid() {
        Optional<Path> setsid = ExecutableSearch.ofThisProcess().find("setsid");
        Assumptions.assumeTrue(setsid.isPresent(), "setsid (util-linux) is not installed on this host");
        return setsid.get();
    }

    /** Session id and process group of a live process, fields 6 and 5 of /proc/<pid>/stat. */
    static long[] sessionAndGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may contain spaces; everything after its closing ')' is space-separated
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[3]), Long.parseLong(fields[2])};
    }

    /** Kills a pid we started, if it is still there, and waits for it to go. */
    static void killIfAlive(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: the test itself reports the real failure
            }
        });
    }

    /** A QEMU with no machine at all: QMP works, nothing is emulated, it costs no CPU. */
    static List<String> emptyMachine(Path qemu, Path qmpSocket, Path pidFile) {
        return List.of(qemu.toString(), "-M", "none", "-display", "none", "-nodefaults", "-no-user-config",
                "-netdev", "user,id=" + QemuArgs.NETDEV_ID,
                "-qmp", QemuArgs.qmpChardev(qmpSocket), "-pidfile", pidFile.toString());
    }
}
