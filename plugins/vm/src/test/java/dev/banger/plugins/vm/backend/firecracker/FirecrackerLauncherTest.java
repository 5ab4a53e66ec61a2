package dev.banger.plugins.vm.backend.firecracker;

import dev.banger.plugins.vm.backend.Applicability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirecrackerLauncherTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheBinaryTheBackendSaysWhyItCannotRun() {
        FirecrackerLauncher launcher = new FirecrackerLauncher("firecracker", dir.toString());

        assertThat(launcher.applicable()).isEqualTo(Applicability.no("firecracker not found on PATH"));
        assertThatThrownBy(() -> launcher.argv(dir.resolve("api.sock"), "vm1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("firecracker not found on PATH");
    }

    @Test
    void onThisHostFirecrackerIsNotInstalled() {
        assertThat(FirecrackerLauncher.onPath().applicable())
                .isEqualTo(Applicability.no("firecracker not found on PATH"));
    }

    @Test
    void aConfiguredPathThatIsNotExecutableIsNotApplicable() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("firecracker"), "");

        assertThat(new FirecrackerLauncher(notExecutable.toString(), "").applicable())
                .isEqualTo(Applicability.no(notExecutable + " is not an executable file"));
    }

    @Test
    void argvNamesTheApiSocketAndTheVmId() throws IOException {
        Path binary = executable(dir.resolve("bin/firecracker"));
        FirecrackerLauncher launcher = new FirecrackerLauncher("firecracker", dir.resolve("empty") + ":" + binary.getParent());

        assertThat(launcher.applicable().applicable()).isTrue();
        assertThat(launcher.argv(Path.of("/run/banger/fc-vm1.sock"), "vm1"))
                .containsExactly(binary.toString(), "--api-sock", "/run/banger/fc-vm1.sock", "--id", "vm1");
        assertThat(launcher.argv(Path.of("/run/a.sock"), null)).containsExactly(binary.toString(), "--api-sock", "/run/a.sock");
    }

    @Test
    void waitsUntilTheApiSocketAppears() throws Exception {
        Path socket = dir.resolve("api.sock");
        CompletableFuture<Void> appears = CompletableFuture.runAsync(() -> {
            try {
                Files.createFile(socket);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));

        FirecrackerLauncher.awaitApiSocket(socket, ProcessHandle.current(), Duration.ofSeconds(5));
        appears.join();
        assertThat(socket).exists();
    }

    @Test
    void givesUpWhenTheSocketNeverAppears() {
        assertThatThrownBy(() -> FirecrackerLauncher.awaitApiSocket(dir.resolve("api.sock"), null, Duration.ofMillis(50)))
                .isInstanceOf(IOException.class).hasMessageContaining("did not appear within PT0.05S");
    }

    @Test
    void reportsAProcessThatDiedBeforeCreatingTheSocket() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();

        assertThatThrownBy(() -> FirecrackerLauncher.awaitApiSocket(dir.resolve("api.sock"), dead.toHandle(), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class).hasMessageContaining("firecracker exited before creating its API socket");
    }

    private static Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
