package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
}
