package dev.banger.dist;

import static org.assertj.core.api.Assertions.fail;

import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real bangerd from the dist tree, in its own temp HOME/XDG dirs with its own plugins dir.
 * Cleans up its process (by pid, only the one it started) and its directories even when a test fails.
 */
final class DaemonFixture implements AutoCloseable {
    final Path root;
    final Path pluginsDir;
    final Path socket;
    final Path log;
    final Map<String, String> env = new HashMap<>();
    private Process process;

    private DaemonFixture(Path root) throws IOException {
        this.root = root;
        this.pluginsDir = Files.createDirectories(root.resolve("plugins"));
        this.socket = root.resolve("run/banger/bangerd.sock");
        this.log = root.resolve("bangerd.out");
        env.put("HOME", root.resolve("home").toString());
        env.put("XDG_RUNTIME_DIR", root.resolve("run").toString());
        env.put("XDG_CONFIG_HOME", root.resolve("config").toString());
        env.put("XDG_STATE_HOME", root.resolve("state").toString());
        env.put("XDG_CACHE_HOME", root.resolve("cache").toString());
        env.put("BANGER_PLUGINS_DIR", pluginsDir.toString());
    }

    static Path tree() {
        return Path.of(System.getProperty("banger.tree", "target/banger"));
    }

    static Path testPlugin(String id) {
        return Path.of(System.getProperty("banger.testplugins", "target/testplugins"), "banger-testplugin-" + id + ".jar");
    }

    /** The shipped plugins plus the named test plugins, in a fresh temp root (short path: AF_UNIX caps at 108 bytes). */
    static DaemonFixture withPlugins(String... testPlugins) throws IOException {
        DaemonFixture f = new DaemonFixture(Files.createTempDirectory(Path.of("/tmp"), "bgit"));
        try (Stream<Path> jars = Files.list(tree().resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, f.pluginsDir.resolve(jar.getFileName()));
            }
        }
        for (String id : testPlugins) {
            Files.copy(testPlugin(id), f.pluginsDir.resolve(testPlugin(id).getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    DaemonFixture config(String toml) throws IOException {
        Path file = root.resolve("config/banger/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        return this;
    }

    /** Starts bangerd and waits until it answers; fails the test with its log if it dies first. */
    DaemonFixture start() throws Exception {
        process = launch();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                fail("bangerd exited with " + process.exitValue() + ":\n" + log());
            }
            if (Files.exists(socket)) {
                try (RpcClient c = RpcClient.connect(socket)) {
                    c.callRaw("daemon.ping", null, null, e -> { });
                    return this;
                } catch (IOException | RuntimeException notYet) {
                    // bound but not yet serving
                }
            }
            Thread.sleep(50);
        }
        fail("bangerd did not answer within 30 s:\n" + log());
        return this;
    }

    /** Starts bangerd expecting it to refuse; returns its exit code (the output is in {@link #log()}). */
    int startExpectingFailure() throws Exception {
        Process p = launch();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bangerd should have refused to start but is still running:\n" + log());
        }
        return p.exitValue();
    }

    Process launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(tree().resolve("bin/bangerd").toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    Process process() {
        return process;
    }

    RpcClient client() throws IOException {
        return RpcClient.connect(socket);
    }

    /** The daemon's output lines that mention {@code word}, for a failing assertion's message. */
    String logLines(String word) {
        try {
            return String.join("\n", log().lines().filter(l -> l.contains(word)).toList());
        } catch (IOException e) {
            return "(daemon log unreadable: " + e + ")";
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }

    /** Runs bin/banger with this daemon's environment (60 s at most). */
    CliResult cli(String... args) throws Exception {
        return cliWithin(60, args);
    }

    /** Runs bin/banger with this daemon's environment, failing the test after {@code seconds} (VM boots under TCG need more). */
    CliResult cliWithin(int seconds, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(tree().resolve("bin/banger").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "cli", ".out");
        Path err = Files.createTempFile(root, "cli", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("banger " + String.join(" ", args) + " did not finish within " + seconds + " s");
        }
        return new CliResult(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    record CliResult(int exit, String out, String err) {
    }

    /** SIGTERM the daemon we started and wait for it. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null && process.isAlive()) {
                stop();
            }
            stopAutoStarted();
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A daemon the CLI auto-started is a child of that CLI, not ours: stop it over its own socket. */
    private void stopAutoStarted() {
        if (!Files.exists(socket)) {
            return;
        }
        try (RpcClient c = client()) {
            c.callRaw("daemon.shutdown", null, null, e -> { });
        } catch (IOException | RuntimeException ignored) {
            // nothing answering: nothing to stop
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (Files.exists(socket) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
