package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What the fake answers, Firecracker-style: 204 on success, 400 with a fault_message, 200 with JSON. */
record FakeAnswer(int status, JsonNode body, String violation) {
    static FakeAnswer noContent() {
        return new FakeAnswer(204, null, null);
    }

    static FakeAnswer ok(JsonNode body) {
        return new FakeAnswer(200, body, null);
    }

    /** A request the real Firecracker would refuse: answered 400 and recorded by the fake. */
    static FakeAnswer violation(String message) {
        return new FakeAnswer(400, JsonNodeFactory.instance.objectNode().put("fault_message", message), message);
    }

    /** Allowed by the spec, but not something this fake models: not a violation, just not answered. */
    static FakeAnswer notModelled(String what) {
        return new FakeAnswer(501, JsonNodeFactory.instance.objectNode()
                .put("fault_message", "the fake Firecracker does not model " + what), null);
    }

    void writeTo(OutputStream out) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason())
                .append("\r\nServer: Firecracker API\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private String reason() {
        switch (status) {
            case 200: return "OK";
            case 204: return "No Content";
            case 400: return "Bad Request";
            default: return "Not Implemented";
        }
    }
}
