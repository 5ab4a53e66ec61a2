package dev.banger.plugins.image.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** Begin-then-follow for the image plugin's async commands; a failed operation becomes the CLI's error. */
final class Operations {
    private Operations() {
    }

    /** Starts {@code method}, follows it (unless detached) and returns the final summary. */
    static JsonNode run(CliEnvironment env, String method, Object params, boolean detach) {
        JsonNode op = env.call(method, params, JsonNode.class);
        String id = op.path("id").asText();
        if (detach) {
            env.out().println(id);
            return op;
        }
        JsonNode done = new OperationFollower(env).follow(id);
        JsonNode error = done.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new RpcException(ErrorCode.fromWire(error.path("code").asText()), error.path("message").asText(), id, null);
        }
        return done;
    }
}
