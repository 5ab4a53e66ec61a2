package dev.banger.plugins.image.kernel;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExternalCommandTest {
    @Test
    void returnsStdoutAndTurnsFailuresIntoOperationFailedWithStderr() {
        assertThat(new ExternalCommand(List.of("echo", "hi"), null, Duration.ofSeconds(10)).run("echo", null)).isEqualTo("hi\n");
        assertThatThrownBy(() -> new ExternalCommand(List.of("ls", "/no/such/dir"), null, Duration.ofSeconds(10))
                .run("list a missing directory", null))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("Tried to list a missing directory").hasMessageContaining("/no/such/dir");
        assertThatThrownBy(() -> new ExternalCommand(List.of("banger-no-such-tool"), null, Duration.ofSeconds(10))
                .run("run a missing tool", null)).hasMessageContaining("is it installed?");
    }

    @Test
    void aCancelKillsTheRunningToolPromptly() {
        RecordingProgress progress = RecordingProgress.cancellingAtStage("cancel");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(() -> progress.stage("cancel"), 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            assertThatThrownBy(() -> new ExternalCommand(List.of("sleep", "30"), null, Duration.ofMinutes(1)).run("sleep", progress))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theTimeLimitKillsAHungTool() {
        assertThatThrownBy(() -> new ExternalCommand(List.of("sleep", "30"), null, Duration.ofMillis(300)).run("wait", null))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("did not finish within");
    }
}
