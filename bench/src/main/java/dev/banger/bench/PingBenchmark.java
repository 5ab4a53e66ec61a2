package dev.banger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One round trip on one open connection: bangerd's {@code daemon.ping} against a raw AF_UNIX echo
 * that uses the same socket library, line reader and client. SampleTime mode, so JMH reports the
 * p50/p99 of individual calls rather than an average. Connection set-up is outside the measurement.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PingBenchmark {
    /** The exact line {@code callRaw("daemon.ping", null, null, ...)} sends. */
    static final String PING_LINE = "{\"version\":1,\"method\":\"daemon.ping\",\"params\":{}}";

    /** A bangerd from the dist tree, private to this trial; only the ping benchmark asks for it. */
    @State(Scope.Benchmark)
    public static class Daemon {
        /**
         * Extra JVM flags for bangerd (BANGERD_JAVA_OPTS, which bin/bangerd appends after its own, so
         * they win), to A/B a flag in one run: {@code -p daemonJavaOpts=shipped,-XX:TieredStopAtLevel=1}.
         * {@value DaemonProcess#SHIPPED_FLAGS} means the flags bin/bangerd ships with, nothing added.
         */
        @Param({DaemonProcess.SHIPPED_FLAGS})
        public String daemonJavaOpts;

        DaemonProcess daemon;
        RpcClient client;

        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException {
            daemon = DaemonProcess.start(DistTree.locate(), daemonJavaOpts);
            client = RpcClient.connect(daemon.socket());
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            if (client != null) {
                client.close();
            }
            if (daemon != null) {
                daemon.close();
            }
        }
    }

    /** The in-process echo server and a client connected to it. */
    @State(Scope.Benchmark)
    public static class Echo {
        Sandbox sandbox;
        EchoServer server;
        RpcClient client;

        @Setup(Level.Trial)
        public void start() throws IOException {
            sandbox = Sandbox.create("banger-bench-echo");
            server = EchoServer.start(sandbox.runtimeDir().resolve("echo.sock"));
            client = RpcClient.connect(sandbox.runtimeDir().resolve("echo.sock"));
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    @Benchmark
    public JsonNode daemonPing(Daemon d) {
        return d.client.callRaw("daemon.ping", null, null, e -> { });
    }

    @Benchmark
    public JsonNode rawEcho(Echo e) {
        return e.client.exchange(PING_LINE, ev -> { });
    }
}
