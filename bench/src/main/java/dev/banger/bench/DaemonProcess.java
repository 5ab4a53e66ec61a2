package dev.banger.bench;

import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real bangerd started from the dist tree's {@code bin/bangerd} (so its JVM flags are the shipped
 * ones) on a socket inside a {@link Sandbox}. Stopped by its own pid only: bin/bangerd execs java,
 * so the process we started is the daemon itself.
 */
final class DaemonProcess implements AutoCloseable {
    /** The value of the daemonJavaOpts parameter that adds no flags to bin/bangerd's own. */
    static final String SHIPPED_FLAGS = "shipped";
    private static final long READY_TIMEOUT_MS = 30_000;
    private final Sandbox sandbox;
    private final Process process;
    private final Path socket;

    private DaemonProcess(Sandbox sandbox, Process process, Path socket) {
        this.sandbox = sandbox;
        this.process = process;
        this.socket = socket;
    }

    static DaemonProcess start(Path distTree, String extraJavaOpts) throws IOException, InterruptedException {
        Sandbox sandbox = Sandbox.create("banger-bench-daemon");
        Path socket = sandbox.runtimeDir().resolve("banger/bangerd.sock");
        ProcessBuilder pb = new ProcessBuilder(List.of(distTree.resolve("bin/bangerd").toString(),
                "--socket", socket.toString(), "--plugins-dir", distTree.resolve("plugins").toString()));
        Map<String, String> env = pb.environment();
        env.put("HOME", sandbox.home().toString());
        env.put("XDG_RUNTIME_DIR", sandbox.runtimeDir().toString());
        env.remove("XDG_CONFIG_HOME");
        env.remove("XDG_STATE_HOME");
        env.remove("XDG_CACHE_HOME");
        env.remove("BANGER_SOCKET");
        if (SHIPPED_FLAGS.equals(extraJavaOpts)) {
            env.remove("BANGERD_JAVA_OPTS");
        } else {
            env.put("BANGERD_JAVA_OPTS", extraJavaOpts);
        }
        // the daemon logs one line per call to stdout; a file never blocks it the way a full pipe would
        pb.redirectErrorStream(true).redirectOutput(sandbox.file("bangerd.log").toFile());
        Process process = pb.start();
        DaemonProcess daemon = new DaemonProcess(sandbox, process, socket);
        try {
            daemon.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    Path socket() {
        return socket;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("bangerd exited with " + process.exitValue() + " while starting; log:\n"
                        + Files.readString(sandbox.file("bangerd.log")));
            }
            if (Files.exists(socket)) {
                try (RpcClient probe = RpcClient.connect(socket)) {
                    probe.callRaw("daemon.ping", null, null, e -> { });
                    return;
                } catch (IOException | RuntimeException notYet) {
                    // bound but not serving yet: try again shortly
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("bangerd (pid " + process.pid() + ") did not answer on " + socket + " within "
                + READY_TIMEOUT_MS / 1000 + " s");
    }

    /** SIGTERM to our pid (the daemon's shutdown hook stops it cleanly), SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } finally {
            sandbox.close();
        }
    }
}
