package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcError;

/** Builds the three frame shapes of wire protocol v1; every one carries the op id. */
public final class Frames {
    private Frames() {
    }

    public static ObjectNode result(String opId, JsonNode result) {
        ObjectNode f = base(opId);
        f.set("result", result);
        return f;
    }

    public static ObjectNode error(String opId, RpcError error) {
        ObjectNode f = base(opId);
        f.set("error", Json.mapper().valueToTree(error));
        return f;
    }

    public static ObjectNode event(String opId, JsonNode event) {
        ObjectNode f = base(opId);
        f.set("event", event);
        return f;
    }

    private static ObjectNode base(String opId) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("op_id", opId);
        return f;
    }
}
