package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a real (machine-less, so cheap) QEMU the way the backend does: detached, pid from QEMU itself. */
class QemuLauncherTest {
    @TempDir
    Path dir;
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhatWeStarted() {
        started.forEach(InstalledQemu::killIfAlive);
    }

    @Test
    void qemuRunsInItsOwnSessionAndTheRealPidIsReturned() throws Exception {
        Path qemu = InstalledQemu.require();
        QemuRunDir run = new QemuRunDir(dir.resolve("run"));
        QemuLauncher launcher = new QemuLauncher(InstalledQemu.requireSetsid(), Duration.ofSeconds(10));

        long pid = launcher.launch(InstalledQemu.emptyMachine(qemu, run.qmpSocket(), run.pidFile()), run);
        started.add(pid);

        assertThat(Files.readString(run.pidFile()).strip()).isEqualTo(Long.toString(pid));
        assertThat(new QemuProcessCheck().isOurQemu(pid, run.qmpSocket())).isTrue();
        long[] qemuSessionAndGroup = InstalledQemu.sessionAndGroup(pid);
        long[] ourSessionAndGroup = InstalledQemu.sessionAndGroup(ProcessHandle.current().pid());
        // session leader of its own session: no signal aimed at the daemon's session or group reaches it
        assertThat(qemuSessionAndGroup[0]).isEqualTo(pid).isNotEqualTo(ourSessionAndGroup[0]);
        assertThat(qemuSessionAndGroup[1]).isEqualTo(pid).isNotEqualTo(ourSessionAndGroup[1]);
        // no pipe to the daemon whose closing could hurt QEMU: stdin is /dev/null, output goes to qemu.log
        assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "0"))).isEqualTo(Path.of("/dev/null"));
        assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "1"))).isEqualTo(run.qemuLog());
        assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", "2"))).isEqualTo(run.qemuLog());
    }

    @Test
    void anEarlyExitReportsTheEndOfQemuLog() throws Exception {
        Path qemu = InstalledQemu.require();
        QemuRunDir run = new QemuRunDir(dir.resolve("run"));
        List<String> argv = new ArrayList<>(InstalledQemu.emptyMachine(qemu, run.qmpSocket(), run.pidFile()));
        argv.add("-no-such-option");

        assertThatThrownBy(() -> new QemuLauncher(InstalledQemu.requireSetsid(), Duration.ofSeconds(10)).launch(argv, run))
                .isInstanceOf(RpcException.class)
                .hasMessageStartingWith("qemu exited during start-up (exit 1): ")
                .hasMessageContaining("-no-such-option: invalid option");
    }

    @Test
    void aQemuThatNeverOpensQmpIsKilledAfterTheTimeout() throws Exception {
        Path qemu = InstalledQemu.require();
        QemuRunDir run = new QemuRunDir(dir.resolve("run"));
        List<String> noQmp = List.of(qemu.toString(), "-M", "none", "-display", "none", "-nodefaults", "-no-user-config",
                "-pidfile", run.pidFile().toString());

        assertThatThrownBy(() -> new QemuLauncher(InstalledQemu.requireSetsid(), Duration.ofMillis(500)).launch(noQmp, run))
                .isInstanceOf(RpcException.class).hasMessageContaining("did not open its QMP socket within PT0.5S");
        // the launcher killed it (SIGKILL, so the pid file stays behind, naming the dead process)
        long pid = Long.parseLong(Files.readString(run.pidFile()).strip());
        started.add(pid);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void leftoversOfAnEarlierRunAreNotMistakenForReadiness() throws Exception {
        Path qemu = InstalledQemu.require();
        QemuRunDir run = new QemuRunDir(Files.createDirectories(dir.resolve("run")));
        Files.writeString(run.qmpSocket(), "stale");
        Files.writeString(run.pidFile(), "1\n");

        long pid = new QemuLauncher(InstalledQemu.requireSetsid(), Duration.ofSeconds(10))
                .launch(InstalledQemu.emptyMachine(qemu, run.qmpSocket(), run.pidFile()), run);
        started.add(pid);

        assertThat(pid).isNotEqualTo(1);
        try (QmpClient qmp = QmpClient.connect(run.qmpSocket(), Duration.ofSeconds(5))) {
            assertThat(qmp.queryStatus()).isEqualTo("running");
        }
    }
}
