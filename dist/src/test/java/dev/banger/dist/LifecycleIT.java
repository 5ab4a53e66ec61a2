package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, refusing a second daemon, replacing a stale socket, and stopping cleanly. */
class LifecycleIT {
    @Test
    void aSecondDaemonRefusesWhileTheFirstRuns() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            Process second = d.launch();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(d.log()).contains("already running");
            try (RpcClient c = d.client()) {
                assertThat(c.callRaw("daemon.ping", null, null, e -> { }).path("pid").asLong()).isEqualTo(d.process().pid());
            }
        }
    }

    @Test
    void aStaleSocketLeftByAKilledDaemonIsReplaced() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            d.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(Files.exists(d.socket)).as("SIGKILL leaves the socket file behind").isTrue();
            d.start();
            try (RpcClient c = d.client()) {
                assertThat(c.callRaw("daemon.ping", null, null, e -> { }).path("pid").asLong()).isEqualTo(d.process().pid());
            }
        }
    }

    @Test
    void sigtermWhileCallsAreInFlightAnswersThemAndRemovesTheSocket() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins("demo").start()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> {
                    try (RpcClient c = d.client()) {
                        c.callRaw("demo.sleep", Map.of("ms", 60_000), null, e -> { });
                        return "finished";
                    } catch (RpcException e) {
                        return e.code().wire();
                    }
                }));
            }
            Thread.sleep(1000);
            int exit = d.stop();
            for (Future<String> f : calls) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("cancelled");
            }
            pool.shutdownNow();
            assertThat(exit).isIn(0, 143);
            assertThat(Files.exists(d.socket)).isFalse();
            assertThat(d.log()).contains("bangerd stopped");
        }
    }

    @Test
    void daemonShutdownAnswersThenStops() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            try (RpcClient c = d.client()) {
                JsonNode r = c.callRaw("daemon.shutdown", null, null, e -> { });
                assertThat(r.path("status").asText()).isEqualTo("stopping");
            }
            assertThat(d.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(d.process().exitValue()).isZero();
            assertThat(Files.exists(d.socket)).isFalse();
        }
    }
}
