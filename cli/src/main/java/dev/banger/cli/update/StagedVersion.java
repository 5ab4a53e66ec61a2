package dev.banger.cli.update;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The staged tree must run: its own `bin/banger version --json`, with its own java and jars. */
final class StagedVersion {
    private StagedVersion() {
    }

    static String check(Path staged) throws UpdateRefused {
        for (String bin : new String[] {"bin/banger", "bin/bangerd", "bin/bangerd-root"}) {
            if (!Files.isExecutable(staged.resolve(bin))) {
                throw new UpdateRefused("the release has no executable " + bin);
            }
        }
        try {
            HostCommand.Result r = HostCommand.of(staged.resolve("bin/banger").toString(), "version", "--json")
                    .env("BANGER_PLUGINS_DIR", staged.resolve("plugins").toString())
                    .timeout(Duration.ofMinutes(1)).runAllowingFailure();
            if (r.exitCode() != 0) {
                throw new UpdateRefused("the new release does not run: bin/banger version exited " + r.exitCode() + ": " + r.stderr().strip());
            }
            JsonNode v = Json.mapper().readTree(r.stdout());
            return v.path("release").asText(v.path("version").asText());
        } catch (IOException | RpcException e) {
            throw new UpdateRefused("the new release does not run: " + e.getMessage());
        }
    }
}
