package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.LineReader;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A real daemon on a real socket: load, hostile input, disconnects, logs. (Shutdown has its own class.) */
class SocketIT {
    private static DaemonFixture daemon;

    @BeforeAll
    static void start() throws Exception {
        daemon = DaemonFixture.withPlugins("demo").start();
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    private static AFUNIXSocket raw() throws Exception {
        AFUNIXSocket s = AFUNIXSocket.newInstance();
        s.connect(AFUNIXSocketAddress.of(daemon.socket.toFile()));
        return s;
    }

    @Test
    void theSocketIs0600InA0700Directory() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void thirtyTwoClientsTimesFiveHundredPingsWithZeroErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger ok = new AtomicInteger();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                all.add(pool.submit(() -> {
                    try (RpcClient c = daemon.client()) {
                        for (int n = 0; n < 500; n++) {
                            JsonNode r = c.callRaw("daemon.ping", null, null, e -> { });
                            if (r.path("pid").asLong() == daemon.process().pid()) {
                                ok.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok.get()).isEqualTo(32 * 500);
    }

    @Test
    void aTwoMibLineIsRefusedAndTheConnectionClosedWhileOthersStillWork() throws Exception {
        // the JDK's own AF_UNIX channel: unlike junixsocket it keeps the read side open after EPIPE on write
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(daemon.socket))) {
            String pad = "x".repeat(2 * 1024 * 1024);
            ByteBuffer request = ByteBuffer.wrap(("{\"version\":1,\"method\":\"demo.echo\",\"params\":{\"text\":\""
                    + pad + "\"}}\n").getBytes(StandardCharsets.UTF_8));
            try {
                while (request.hasRemaining()) {
                    ch.write(request);
                }
            } catch (java.io.IOException expected) {
                // the daemon stops reading after 1 MiB and closes: the rest of our write hits a closed pipe
            }
            LineReader in = new LineReader(Channels.newInputStream(ch), 1 << 20);
            JsonNode reply = Json.mapper().readTree(in.readLine());
            assertThat(reply.at("/error/code").asText()).isEqualTo("bad_request");
            assertThat(reply.at("/error/message").asText()).contains("exceeds");
            assertThat(reply.get("op_id").asText()).startsWith("op-");
            assertThat(in.readLine()).as("the daemon closes the connection").isNull();
        }
        try (RpcClient c = daemon.client()) {
            assertThat(c.callRaw("daemon.ping", null, null, e -> { }).has("pid")).isTrue();
        }
    }

    @Test
    void malformedJsonIsABadRequestAndTheConnectionStaysUsable() throws Exception {
        try (RpcClient c = daemon.client()) {
            assertThatThrownBy(() -> c.exchange("{\"version\":1,\"method\":", e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("bad_request"));
            assertThatThrownBy(() -> c.callRaw("demo.echo", Map.of("text", 5), null, e -> { }))
                    .hasMessageContaining("params.text");
            assertThat(c.callRaw("demo.echo", Map.of("text", "still here"), null, e -> { }).path("text").asText()).isEqualTo("still here");
        }
    }

    @Test
    void manyRequestsOnOneConnectionAreAnsweredInOrder() throws Exception {
        try (AFUNIXSocket s = raw()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                batch.append("{\"version\":1,\"method\":\"demo.echo\",\"params\":{\"text\":\"").append(i).append("\"}}\n");
            }
            s.getOutputStream().write(batch.toString().getBytes(StandardCharsets.UTF_8));
            LineReader in = new LineReader(s.getInputStream(), 1 << 20);
            for (int i = 0; i < 50; i++) {
                assertThat(Json.mapper().readTree(in.readLine()).at("/result/text").asText()).isEqualTo(String.valueOf(i));
            }
        }
    }

    @Test
    void streamingEventsArriveBeforeTheResult() throws Exception {
        List<Integer> seen = new ArrayList<>();
        try (RpcClient c = daemon.client()) {
            JsonNode r = c.callRaw("demo.count", Map.of("n", 5), null, e -> seen.add(e.path("i").asInt()));
            assertThat(r.path("total").asInt()).isEqualTo(5);
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aClientThatDisconnectsMidCallCancelsIt() throws Exception {
        String op = "op-d15c0000000000aa";
        try (AFUNIXSocket s = raw()) {
            s.getOutputStream().write(("{\"version\":1,\"method\":\"demo.sleep\",\"params\":{\"ms\":60000},\"op_id\":\"" + op + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            Thread.sleep(300);
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (!cancelledLine(op) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(cancelledLine(op)).as("the daemon logged the cancellation for " + op + ":\n" + daemon.log()).isTrue();
    }

    private static boolean cancelledLine(String op) throws Exception {
        return daemon.log().lines().anyMatch(l -> l.contains("\"op_id\":\"" + op + "\"") && l.contains("\"outcome\":\"cancelled\""));
    }

    @Test
    void everyCallLogsOneJsonLineAndPluginLinesCarryTheOpId() throws Exception {
        String op = "op-0000000000001061";
        try (RpcClient c = daemon.client()) {
            c.callRaw("demo.whoami", null, op, e -> { });
        }
        long deadline = System.currentTimeMillis() + 5_000;
        List<JsonNode> lines;
        do {
            lines = new ArrayList<>();
            for (String l : daemon.log().lines().toList()) {
                if (l.startsWith("{") && l.contains(op)) {
                    lines.add(Json.mapper().readTree(l));
                }
            }
        } while (lines.size() < 2 && System.currentTimeMillis() < deadline);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("msg").asText()).isEqualTo("rpc completed");
            assertThat(l.path("method").asText()).isEqualTo("demo.whoami");
            assertThat(l.has("duration_ms")).isTrue();
            assertThat(l.path("outcome").asText()).isEqualTo("ok");
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.path("msg").asText()).isEqualTo("demo.whoami answering"));
        assertThat(lines).allSatisfy(l -> assertThat(l.path("op_id").asText()).isEqualTo(op));
    }

    @Test
    void opIdsAreAdoptedAndForwardedOnNestedCalls() throws Exception {
        try (RpcClient c = daemon.client()) {
            JsonNode r = c.callRaw("demo.nested", null, "op-0000000000000fed", e -> { });
            assertThat(r.path("outer").asText()).isEqualTo("op-0000000000000fed");
            assertThat(r.path("inner").asText()).isEqualTo("op-0000000000000fed");
            assertThat(c.lastOpId()).isEqualTo("op-0000000000000fed");
            JsonNode minted = c.callRaw("demo.nested", null, null, e -> { });
            assertThat(minted.path("inner").asText()).isEqualTo(minted.path("outer").asText()).isEqualTo(c.lastOpId());
        }
    }

    @Test
    void asyncOperationsCanBeListedWaitedForAndCancelled() throws Exception {
        try (RpcClient c = daemon.client()) {
            JsonNode quick = c.callRaw("demo.begin", Map.of("ms", 200), "op-00000000000a5c01", e -> { });
            assertThat(quick.path("id").asText()).isEqualTo("op-00000000000a5c01");
            assertThat(quick.path("kind").asText()).isEqualTo("demo.wait");
            JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", "op-00000000000a5c01", "timeout_ms", 20000), null, e -> { });
            assertThat(done.path("done").asBoolean()).isTrue();
            assertThat(done.has("error")).isFalse();

            c.callRaw("demo.begin", Map.of("ms", 120000), "op-00000000000a5c02", e -> { });
            JsonNode active = c.callRaw("daemon.operations.list", Map.of("active_only", true), null, e -> { });
            assertThat(active.toString()).contains("op-00000000000a5c02").doesNotContain("op-00000000000a5c01");
            c.callRaw("daemon.operations.cancel", Map.of("id", "op-00000000000a5c02"), null, e -> { });
            JsonNode cancelled = c.callRaw("daemon.operations.wait", Map.of("id", "op-00000000000a5c02", "timeout_ms", 20000), null, e -> { });
            assertThat(cancelled.at("/error/code").asText()).isEqualTo("cancelled");

            assertThatThrownBy(() -> c.callRaw("daemon.operations.get", Map.of("id", "op-ffffffffffffffff"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
            assertThatThrownBy(() -> c.callRaw("daemon.operations.wait", Map.of("id", "x", "timeout_ms", -5), null, e -> { }))
                    .hasMessageContaining("params.timeout_ms");
        }
    }
}
