package dev.banger.cli;

import dev.banger.kernel.api.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.NoParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The daemon process itself: these work whether or not any plugin is loaded. */
@Command(name = "daemon", description = "Start, stop and check bangerd.", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  banger daemon start", "  banger daemon ping --json", "  banger daemon status", "  banger daemon stop"})
final class DaemonCommand {
    private final DaemonConnection env;

    DaemonCommand(DaemonConnection env) {
        this.env = env;
    }

    @Command(name = "ping", description = "Check the daemon answers (starting it in user mode if needed).")
    int ping(@Option(names = "--json", description = "Print JSON.") boolean json) {
        JsonNode r = env.call("daemon.ping", new NoParams(), JsonNode.class);
        if (json) {
            env.printJson(r);
        } else {
            env.out().printf("bangerd %s (pid %d) up %s; plugins: %s%n", r.path("version").asText(), r.path("pid").asLong(),
                    Durations.human(r.path("uptime_ms").asLong()), join(r.path("plugins")));
        }
        return 0;
    }

    @Command(name = "start", description = "Start bangerd in the background unless it is already running.")
    int start() {
        if (DaemonLauncher.answers(env.settings().socket())) {
            env.out().println("bangerd is already running on " + env.settings().socket());
            return 0;
        }
        long pid = DaemonLauncher.start(env.settings(), env.options());
        env.out().println("bangerd started (pid " + pid + ") on " + env.settings().socket());
        return 0;
    }

    @Command(name = "stop", description = "Stop bangerd cleanly (running calls finish or are cancelled).")
    int stop() throws InterruptedException {
        if (!DaemonLauncher.answers(env.settings().socket())) {
            env.out().println("bangerd is not running");
            return 0;
        }
        long pid = env.callIfRunning("daemon.ping", new NoParams(), JsonNode.class).path("pid").asLong();
        env.callIfRunning("daemon.shutdown", new NoParams(), JsonNode.class);
        // "stopped" means the process is gone (lock released), not just the socket file
        long deadline = System.currentTimeMillis() + 30_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            env.err().println("banger: bangerd (pid " + pid + ") is still running 30 s after shutdown was requested");
            return ExitCodes.FAILED;
        }
        env.out().println("bangerd stopped (pid " + pid + ")");
        return 0;
    }

    @Command(name = "status", description = "Show whether bangerd runs, where, and its socket's mode. Exit 9 when not running.")
    int status(@Option(names = "--json", description = "Print JSON.") boolean json) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        var settings = env.settings();
        s.put("mode", settings.layout().mode().name().toLowerCase());
        s.put("socket", settings.socket().toString());
        boolean running = DaemonLauncher.answers(settings.socket());
        s.put("running", running);
        if (running) {
            JsonNode ping = env.callIfRunning("daemon.ping", new NoParams(), JsonNode.class);
            s.put("pid", ping.path("pid").asLong());
            s.put("version", ping.path("version").asText());
            s.put("uptime", Durations.human(ping.path("uptime_ms").asLong()));
            s.put("socket_mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.socket())));
        }
        s.put("plugins_dir", settings.pluginsDir().toString());
        s.put("log", settings.layout().daemonLog().toString());
        if (json) {
            env.printJson(s);
        } else {
            s.forEach((k, v) -> env.out().printf("%-12s %s%n", k + ":", v));
        }
        return running ? 0 : ExitCodes.DAEMON_UNREACHABLE;
    }

    private static String join(JsonNode list) {
        StringBuilder b = new StringBuilder();
        list.forEach(n -> b.append(b.length() == 0 ? "" : ", ").append(n.asText()));
        return b.length() == 0 ? "(none)" : b.toString();
    }
}
