package dev.banger.cli;

import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts bangerd in the background (user mode) and waits until it answers. */
final class DaemonLauncher {
    private static final long READY_TIMEOUT_MS = 20_000;

    private DaemonLauncher() {
    }

    /** Returns the new daemon's pid once its socket answers. */
    static long start(DaemonSettings settings, CliOptions opts) {
        Path bangerd = bangerdBinary();
        Path log = settings.layout().daemonLog();
        List<String> argv = new ArrayList<>(List.of("setsid", bangerd.toString()));
        if (opts.config() != null) {
            argv.addAll(List.of("--config", opts.config().toString()));
        }
        argv.addAll(List.of("--socket", settings.socket().toString(), "--plugins-dir", settings.pluginsDir().toString()));
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new DaemonUnreachableException("could not start " + bangerd + ": " + e.getMessage());
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new DaemonUnreachableException("bangerd exited with status " + p.exitValue() + " while starting; see " + log);
            }
            if (answers(settings.socket())) {
                return p.pid();
            }
            sleep(50);
        }
        throw new DaemonUnreachableException("bangerd (pid " + p.pid() + ") did not answer on " + settings.socket()
                + " within " + READY_TIMEOUT_MS / 1000 + " s; see " + log);
    }

    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (RpcClient c = RpcClient.connect(socket)) {
            c.callRaw("daemon.ping", null, null, e -> { });
            return true;
        } catch (dev.banger.kernel.api.wire.RpcException e) {
            return true; // it answered, even if only to say daemon.ping is disabled
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path bangerdBinary() {
        String home = System.getProperty("banger.home");
        if (home == null) {
            throw new DaemonUnreachableException("cannot start bangerd: banger.home is not set (run banger through bin/banger)");
        }
        return Path.of(home, "bin", "bangerd");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnreachableException("interrupted while waiting for bangerd");
        }
    }
}
