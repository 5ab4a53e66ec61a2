package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon killed with SIGKILL (here: a child JVM that launched QEMU) leaves its VMs running. */
class QemuSurvivesDaemonKillTest {
    @TempDir
    Path dir;
    private long qemuPid = -1;
    private Process daemon;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (qemuPid > 0) {
            InstalledQemu.killIfAlive(qemuPid);
        }
    }

    @Test
    void qemuOutlivesTheProcessThatLaunchedIt() throws Exception {
        Path qemu = InstalledQemu.require();
        Path setsid = InstalledQemu.requireSetsid();
        QemuRunDir run = new QemuRunDir(dir.resolve("run"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        daemon = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LaunchThenWait.class.getName(), qemu.toString(), setsid.toString(), run.dir().toString()))
                .redirectError(dir.resolve("daemon.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("pid from the stand-in daemon; stderr: %s", QemuLauncher.tail(dir.resolve("daemon.err"))).isNotNull();
            qemuPid = Long.parseLong(line.strip());
        }

        daemon.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to clean up
        assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);

        assertThat(new QemuProcessCheck().isOurQemu(qemuPid, run.qmpSocket())).as("qemu still running").isTrue();
        try (QmpClient qmp = QmpClient.connect(run.qmpSocket(), Duration.ofSeconds(5))) {
            assertThat(qmp.queryStatus()).isEqualTo("running");
        }
    }
}
