package dev.banger.cli.update;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.cli.system.InstallPaths;
import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The live tree's own `banger --system doctor --json`. After the swap it judges the result (the new
 * CLI against the new daemon): its FAILs decide a rollback, its WARNs are only shown. Before the
 * swap it tells whether the host already fails, which no update can fix.
 */
final class PostUpdateDoctor {
    private PostUpdateDoctor() {
    }

    /** Empty when doctor passed; otherwise one line per FAIL (or why doctor itself did not run). */
    static List<String> failures(InstallPaths paths) {
        HostCommand cmd = HostCommand.of(paths.tree().resolve("bin/banger").toString(), "--system", "doctor", "--json")
                .timeout(Duration.ofMinutes(2));
        paths.processEnv().forEach(cmd::env);
        // the doctor of an installed tree checks that install's sockets, never one from the caller's environment
        cmd.env("BANGER_SOCKET", paths.daemonSocket().toString()).env("BANGER_HELPER_SOCKET", paths.helperSocket().toString());
        List<String> fails = new ArrayList<>();
        try {
            HostCommand.Result r = cmd.runAllowingFailure();
            JsonNode report = Json.mapper().readTree(r.stdout());
            for (JsonNode c : report.path("checks")) {
                if (c.path("status").asText().equals("FAIL")) {
                    fails.add(c.path("name").asText() + ": " + c.path("summary").asText() + " " + c.path("details"));
                }
            }
            if (r.exitCode() != 0 && fails.isEmpty()) {
                fails.add("doctor exited " + r.exitCode() + ": " + r.stderr().strip());
            }
        } catch (IOException | RpcException e) {
            fails.add("doctor did not run: " + e.getMessage());
        }
        return fails;
    }
}
