package dev.banger.dist;

import static org.assertj.core.api.Assertions.fail;

import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A system install of the dist tree under a temp root (`--root`), never the real /opt or /etc.
 * close() stops the background services it may have started (their pids, from the install's pid
 * files, checked to be banger's) and deletes the root, even when a test failed.
 */
final class InstalledSystem implements AutoCloseable {
    final Path root;

    private InstalledSystem(Path root) {
        this.root = root;
    }

    /** A fresh, empty root (short path: the sockets under it must fit AF_UNIX's 108 bytes). */
    static InstalledSystem create() throws IOException {
        return new InstalledSystem(Files.createTempDirectory(Path.of("/tmp"), "bgsys"));
    }

    Path tree() {
        return root.resolve("opt/banger");
    }

    Path daemonSocket() {
        return root.resolve("run/banger/bangerd.sock");
    }

    Path pidFile(String service) {
        return root.resolve("run/banger-system/" + service + ".pid");
    }

    RpcClient client() throws IOException {
        return RpcClient.connect(daemonSocket());
    }

    /** bin/banger of the build under test (not the installed copy), with BANGER_ROOT set to this root. */
    DaemonFixture.CliResult cli(String... args) throws Exception {
        return run(DaemonFixture.tree().resolve("bin/banger"), args);
    }

    /** The installed tree's banger, through its usr/local/bin link. */
    DaemonFixture.CliResult installedCli(String... args) throws Exception {
        return run(root.resolve("usr/local/bin/banger"), args);
    }

    private DaemonFixture.CliResult run(Path banger, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(banger.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BANGER_") || k.startsWith("XDG_"));
        env.put("BANGER_ROOT", root.toString());
        env.put("HOME", root.resolve("home").toString());
        Path out = Files.createTempFile("bgsys", ".out");
        Path err = Files.createTempFile("bgsys", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("banger " + String.join(" ", args) + " did not finish within 5 min");
            }
            return new DaemonFixture.CliResult(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The live process behind a service's pid file, if any. */
    java.util.Optional<ProcessHandle> service(String name) throws IOException {
        Path f = pidFile(name);
        if (!Files.exists(f)) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(f).strip())).filter(ProcessHandle::isAlive);
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(root.resolve("etc/banger/install.toml"))) {
                cli("system", "stop", "--root", root.toString());
            }
            for (String s : List.of("bangerd", "bangerd-root")) {
                // whatever `system stop` could not stop: only a process running from this root
                java.util.Optional<ProcessHandle> h = service(s);
                if (h.isPresent() && h.get().info().commandLine().orElse("").contains(root.toString())) {
                    h.get().destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
