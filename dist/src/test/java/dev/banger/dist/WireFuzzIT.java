package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.core.fuzz.CaseClassifier;
import dev.banger.kernel.core.fuzz.Expectation;
import dev.banger.kernel.core.fuzz.FrameGenerator;
import dev.banger.kernel.core.fuzz.FuzzCase;
import dev.banger.kernel.core.fuzz.FuzzTally;
import dev.banger.kernel.core.fuzz.ResponseOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real-socket half of the wire fuzz (docs/reliability.md#hostile-input): hostile lines as raw
 * bytes over four connections to a real bangerd with the shipped plugins, for every method it
 * serves. The daemon must answer each case exactly once with the right kind of answer, stay up,
 * and hold the same state afterwards.
 *
 * <p>Cases whose params decode for a method that starts real work ({@link #LONG_WORK}) are not sent:
 * a mutation that happens to become a valid image.pull or vm.create would begin a pull or a boot,
 * and a valid daemon.shutdown would stop the daemon under test. Every other valid case is sent and
 * may succeed or be refused by its handler (not_found, conflict, ...): this daemon has no VMs,
 * images or kernels, so nothing it could act on exists.
 */
class WireFuzzIT {
    static final Set<String> LONG_WORK = Set.of("image.pull", "image.import", "kernel.pull", "kernel.import",
            "vm.create", "vm.create.begin", "daemon.shutdown");
    private static final long SEED = Long.getLong("banger.fuzz.seed", 20261128L);
    private static final long CASES = Long.getLong("banger.fuzz.socket.cases", 10_000L);
    private static final int CONNECTIONS = 4;
    private static final int SENTINEL_EVERY = 200;

    @Test
    void hostileLinesOverTheSocketGetProtocolAnswersAndChangeNothing() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            LiveMethodTable table = LiveMethodTable.of(c);
            warmUp(c);
            StateSnapshot before = StateSnapshot.of(c, d.root.resolve("state"));
            FuzzTally tally = new FuzzTally();

            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < CONNECTIONS; t++) {
                    long seed = SEED + t;
                    runs.add(pool.submit(() -> {
                        fuzz(d, table, seed, CASES / CONNECTIONS, tally);
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(15, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            System.out.println(tally.summary("WireFuzzIT (" + table.params().size() + " methods, " + CONNECTIONS + " connections)", SEED));
            assertThat(d.process().isAlive()).as("bangerd died:\n" + d.log()).isTrue();
            assertThat(tally.failedCount()).as(tally.failures()).isZero();
            assertThat(StateSnapshot.of(c, d.root.resolve("state"))).as("state after the fuzz").isEqualTo(before);
            assertThat(d.log()).as("no handler failed unexpectedly").doesNotContain("failed unexpectedly");
        }
    }

    /** Opens every plugin's database and directories first, so the "before" snapshot already has them. */
    private static void warmUp(RpcClient c) {
        for (String m : List.of("vm.list", "vm.backends", "image.list", "kernel.list", "daemon.operations.list")) {
            c.callRaw(m, null, null, e -> { });
        }
    }

    private static void fuzz(DaemonFixture d, LiveMethodTable table, long seed, long cases, FuzzTally tally) throws IOException {
        FrameGenerator generator = new FrameGenerator(seed, table.params());
        CaseClassifier classifier = new CaseClassifier(table.params());
        ResponseOracle oracle = new ResponseOracle(table.streaming());
        RawConnection conn = new RawConnection(d.socket, 30_000);
        try {
            for (long sent = 0; sent < cases; ) {
                FuzzCase fc = generator.next();
                Expectation expected = classifier.classify(fc);
                if (expected.valid() && LONG_WORK.contains(expected.method())) {
                    tally.skipped();
                    continue;
                }
                sent++;
                List<JsonNode> frames;
                try {
                    frames = conn.exchange(fc.bytes());
                } catch (IOException e) {
                    tally.failed(fc, List.of(e.getMessage()));
                    tally.answered("io-failure");
                    conn.close();
                    conn = new RawConnection(d.socket, 30_000);
                    continue;
                }
                List<String> problems = oracle.problems(expected, frames);
                if (!problems.isEmpty()) {
                    tally.failed(fc, problems);
                }
                JsonNode last = frames.get(frames.size() - 1);
                tally.answered(last.has("result") ? "result" : last.at("/error/code").asText());
                if (sent % SENTINEL_EVERY == 0) {
                    sentinel(conn, seed, sent, fc, tally);
                }
            }
        } finally {
            conn.close();
        }
    }

    /** A ping with a known op id must be answered next: proves no case left a stray frame behind on the connection. */
    private static void sentinel(RawConnection conn, long seed, long n, FuzzCase previous, FuzzTally tally) throws IOException {
        String op = String.format("op-%08x%08x", seed & 0xffffffffL, n);
        List<JsonNode> frames = conn.exchange(("{\"version\":1,\"method\":\"daemon.ping\",\"op_id\":\"" + op + "\"}").getBytes(StandardCharsets.UTF_8));
        if (frames.size() != 1 || !frames.get(0).path("op_id").asText().equals(op) || !frames.get(0).has("result")) {
            tally.failed(previous, List.of("the sentinel ping after this case got " + frames));
        }
    }
}
