package dev.banger.cli.update;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An update restarts bangerd, which cancels every running operation (a pull, a build, a VM create).
 * So it waits for none: while any operation is not done it refuses, unless --force.
 */
final class OperationsGate {
    private OperationsGate() {
    }

    /** Null when the daemon is down (nothing can be in flight); else the operations not yet done. */
    static List<String> inFlight(Path daemonSocket) {
        JsonNode r;
        try (RpcClient c = RpcClient.connect(daemonSocket)) {
            r = c.callRaw("daemon.operations.list", Map.of("active_only", true), null, e -> { });
        } catch (IOException e) {
            return null;
        } catch (dev.banger.kernel.api.wire.RpcException e) {
            // the ops plugin disabled, or an old daemon: we cannot tell, so we do not assume "idle"
            return List.of("(cannot list operations: " + e.getMessage() + ")");
        }
        List<String> busy = new ArrayList<>();
        for (JsonNode op : r.path("operations")) {
            if (!op.path("done").asBoolean()) {
                busy.add(op.path("id").asText() + " " + op.path("kind").asText()
                        + (op.path("subject").isTextual() ? " " + op.path("subject").asText() : "") + " (" + op.path("stage").asText() + ")");
            }
        }
        return busy;
    }
}
