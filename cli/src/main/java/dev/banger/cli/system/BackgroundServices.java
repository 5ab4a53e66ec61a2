package dev.banger.cli.system;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where systemd is not PID 1: both processes run detached from the installed tree (setsid), with
 * pid files in run/banger-system and logs in var/log/banger. The helper starts first, so the daemon
 * finds it; the daemon stops first, for the same reason.
 */
public final class BackgroundServices {
    static final long READY_TIMEOUT_MS = 60_000;
    static final long STOP_TIMEOUT_MS = 30_000;
    /** Variables that would point a service at someone else's socket or plugins. */
    private static final List<String> SCRUBBED = List.of("BANGER_SOCKET", "BANGER_PLUGINS_DIR", "BANGER_HELPER_SOCKET", "BANGER_ROOT");

    private final InstallPaths paths;
    private final PrintStream out;

    public BackgroundServices(InstallPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    /** Starts what is not running; true when both answer (the helper only when we are root). */
    public boolean start(InstallRecord owner) throws IOException, InterruptedException {
        boolean ok = true;
        if (ServiceAccounts.isRoot()) {
            ok = startOne(Service.HELPER, List.of(paths.tree().resolve("bin/bangerd-root").toString(), "--config", paths.helperToml().toString()), null);
        } else {
            out.println("bangerd-root: not started (it must run as root; bridge networking stays unavailable)");
        }
        for (java.nio.file.Path dir : List.of(paths.stateDir(), paths.cacheDir(), paths.daemonRuntime())) {
            ServiceAccounts.ownedDirectory(dir, owner);
        }
        return startOne(Service.DAEMON, List.of(paths.tree().resolve("bin/bangerd").toString(), "--system"), owner) && ok;
    }

    private boolean startOne(Service s, List<String> command, InstallRecord owner) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = PidFile.live(s.pidFile(paths), s);
        if (running.isPresent()) {
            out.println(s.binary() + ": already running (pid " + running.get().pid() + ")");
            return true;
        }
        List<String> argv = new ArrayList<>(List.of("setsid"));
        if (owner != null && owner.uid() != ServiceAccounts.currentUid()) {
            // the daemon never runs as root: drop to the owner, as systemd's User= would
            argv.addAll(List.of("setpriv", "--reuid=" + owner.uid(), "--regid=" + owner.gid(), "--init-groups"));
        }
        argv.addAll(command);
        Files.createDirectories(paths.logDir());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(s.log(paths).toFile()));
        Map<String, String> env = pb.environment();
        SCRUBBED.forEach(env::remove);
        env.putAll(paths.processEnv());
        Process p = pb.start();
        PidFile.write(s.pidFile(paths), p.pid());
        if (!SocketProbe.awaitAnswer(s.socket(paths), s.ping(), READY_TIMEOUT_MS, p::isAlive)) {
            String why = p.isAlive() ? "did not answer within " + READY_TIMEOUT_MS / 1000 + " s" : "exited with status " + p.waitFor();
            out.println(s.binary() + ": " + why + "; see " + s.log(paths));
            return false;
        }
        out.println(s.binary() + ": started (pid " + p.pid() + ", log " + s.log(paths) + ")");
        return true;
    }

    /** Stops both by their pid files (SIGTERM, then waits); true when neither is left running. */
    public boolean stop() throws InterruptedException {
        return stopOne(Service.DAEMON) & stopOne(Service.HELPER);
    }

    private boolean stopOne(Service s) throws InterruptedException {
        Optional<ProcessHandle> h = PidFile.live(s.pidFile(paths), s);
        if (h.isEmpty()) {
            out.println(s.binary() + ": not running");
            deletePidFile(s);
            return true;
        }
        long pid = h.get().pid();
        // SIGTERM: bangerd shuts down cleanly and leaves VMs running (their VMMs are in their own sessions)
        if (!h.get().destroy()) {
            out.println(s.binary() + ": cannot signal pid " + pid + " (not permitted: run as root)");
            return false;
        }
        try {
            h.get().onExit().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            out.println(s.binary() + ": still running " + STOP_TIMEOUT_MS / 1000 + " s after SIGTERM (pid " + pid + ")");
            return false;
        }
        deletePidFile(s);
        out.println(s.binary() + ": stopped (pid " + pid + ")");
        return true;
    }

    public Optional<ProcessHandle> running(Service s) {
        return PidFile.live(s.pidFile(paths), s);
    }

    private void deletePidFile(Service s) {
        try {
            Files.deleteIfExists(s.pidFile(paths));
        } catch (IOException ignored) {
            // a stale pid file is harmless: PidFile.live checks the process behind it
        }
    }
}
