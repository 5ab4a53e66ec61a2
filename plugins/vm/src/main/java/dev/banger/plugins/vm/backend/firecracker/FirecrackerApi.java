package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;

/**
 * Firecracker's REST API as JSON calls: bodies go out with Firecracker's own field names (the request
 * records carry them explicitly), and any non-2xx answer becomes an {@link RpcException} that names
 * the call and carries Firecracker's {@code fault_message}, so the user sees what Firecracker said.
 */
public final class FirecrackerApi {
    private final UnixHttpClient http;
    private final ObjectMapper json = Json.mapper();

    public FirecrackerApi(UnixHttpClient http) {
        this.http = http;
    }

    public void put(String path, Object body) {
        call("PUT", path, body);
    }

    public void patch(String path, Object body) {
        call("PATCH", path, body);
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public <T> T get(String path, Class<T> type) {
        JsonNode answer = get(path);
        try {
            return json.treeToValue(answer, type);
        } catch (JsonProcessingException e) {
            throw failed("firecracker answered GET " + path + " with an unexpected body: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode call(String method, String path, Object body) {
        HttpReply reply;
        try {
            reply = http.send(method, path, body == null ? null : json.writeValueAsString(body));
        } catch (IOException e) {
            throw failed("firecracker API at " + http.socketPath() + " unreachable for " + method + " " + path
                    + ": " + e.getMessage(), e);
        }
        if (!reply.isSuccess()) {
            throw failed("firecracker refused " + method + " " + path + ": " + faultMessage(reply), null);
        }
        return parse(method, path, reply.body());
    }

    private JsonNode parse(String method, String path, String body) {
        if (body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw failed("firecracker answered " + method + " " + path + " with invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Firecracker's errors are {@code {"fault_message": "..."}}; anything else is shown as it came. */
    private String faultMessage(HttpReply reply) {
        try {
            JsonNode fault = json.readTree(reply.body()).get("fault_message");
            if (fault != null && fault.isTextual()) {
                return fault.asText();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: fall through and show the raw answer
        }
        return "HTTP " + reply.status() + (reply.body().isBlank() ? "" : " " + reply.body().strip());
    }

    private static RpcException failed(String message, Throwable cause) {
        return new RpcException(ErrorCode.OPERATION_FAILED, message, cause);
    }
}
