package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.Protocol;
import dev.banger.kernel.api.wire.RpcException;
import java.util.Iterator;
import java.util.Set;

/**
 * One request line of wire protocol v1 and its envelope rules, shared by bangerd and bangerd-root so
 * both answer bad input with the same codes and words. The op id is read first, so even a refused
 * request is answered under the caller's op id.
 */
public final class RequestEnvelope {
    private static final Set<String> ENVELOPE = Set.of("version", "method", "params", "op_id");
    private final ObjectNode node;

    private RequestEnvelope(ObjectNode node) {
        this.node = node;
    }

    public static RequestEnvelope parse(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            if (node instanceof ObjectNode o) {
                return new RequestEnvelope(o);
            }
            throw RpcException.badRequest("a request must be one JSON object per line");
        } catch (JsonProcessingException e) {
            throw RpcException.badRequest("malformed JSON in request: " + e.getOriginalMessage());
        }
    }

    /** The forwarded op id, or {@code minted} when there is none. */
    public String opId(String minted) {
        JsonNode op = node.get("op_id");
        if (op == null || op.isNull()) {
            return minted;
        }
        if (op.isTextual() && OpIds.valid(op.asText())) {
            return op.asText();
        }
        throw RpcException.badRequest("op_id: must match " + Protocol.OP_ID_PATTERN + " (or be left out)");
    }

    /** The method name, after the version and envelope checks; {@code server} names who speaks the version. */
    public String method(String server) {
        JsonNode v = node.get("version");
        if (v == null || !v.isIntegralNumber() || v.asLong() != Protocol.VERSION) {
            throw new RpcException(ErrorCode.BAD_VERSION, "unsupported protocol version "
                    + (v == null ? "(missing)" : v.toString()) + "; " + server + " speaks version " + Protocol.VERSION);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ENVELOPE.contains(f)) {
                throw RpcException.badRequest("unknown field '" + f + "' in request (known: method, op_id, params, version)");
            }
        }
        JsonNode m = node.get("method");
        if (m == null || !m.isTextual() || m.asText().isBlank()) {
            throw RpcException.badRequest("method: required, a non-empty string");
        }
        return m.asText();
    }

    public JsonNode params() {
        return node.get("params");
    }
}
