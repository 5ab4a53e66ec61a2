package dev.banger.kernel.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCommandTest {
    @TempDir
    Path dir;

    @Test
    void returnsOutputAndTurnsFailuresIntoOperationFailedWithStderr() {
        assertThat(HostCommand.of("echo", "hi").run().stdout()).isEqualTo("hi\n");
        assertThatThrownBy(() -> HostCommand.of("ls", "/no/such/dir").purpose("list a missing directory").run())
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("Tried to list a missing directory").hasMessageContaining("/no/such/dir");
        assertThatThrownBy(() -> HostCommand.of("ls", "/no/such/dir").run()).hasMessageStartingWith("ls failed (exited with");
        assertThatThrownBy(() -> HostCommand.of("banger-no-such-tool").run()).hasMessageContaining("is it installed?");
        assertThat(HostCommand.of("false").runAllowingFailure().exitCode()).isEqualTo(1);
    }

    @Test
    void filesDirectoryAndEnvironmentAreWiredThrough() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "from a file\n");
        Path out = dir.resolve("out.txt");
        HostCommand.of("sh", "-c", "cat; pwd; echo \"$BANGER_TEST_VAR\"").stdinFrom(in).stdoutTo(out).directory(dir)
                .env("BANGER_TEST_VAR", "set").run();
        assertThat(Files.readString(out)).isEqualTo("from a file\n" + dir.toRealPath() + "\nset\n");
    }

    @Test
    void aCancelKillsTheRunningToolPromptly() {
        AtomicBoolean cancel = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> cancel.set(true), 300, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> HostCommand.of(List.of("sleep", "30")).cancelledWhen(cancel::get).run())
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theTimeLimitKillsAHungTool() {
        assertThatThrownBy(() -> HostCommand.of("sleep", "30").timeout(Duration.ofMillis(300)).run())
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("did not finish within");
    }
}
