package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one request against the spec alone, generically for every operation: the path exists, the
 * method is allowed on it, the body matches the {@code in: body} parameter's schema, and a path
 * parameter agrees with the body field of the same name ({@code /drives/x} with {@code drive_id: "x"}).
 */
final class RequestValidator {
    private final SwaggerSpec spec;
    private final SchemaValidator schemas;
    private final ObjectMapper json = new ObjectMapper();

    RequestValidator(SwaggerSpec spec) {
        this.spec = spec;
        this.schemas = new SchemaValidator(spec);
    }

    /** {@code match} and {@code body} are null when the request got too little right to have them. */
    record Checked(SwaggerSpec.PathMatch match, JsonNode body, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    Checked check(String method, String path, String rawBody) {
        Optional<SwaggerSpec.PathMatch> match = spec.match(path);
        if (match.isEmpty()) {
            return new Checked(null, null, List.of("no such path in the API: " + path));
        }
        String template = match.get().template();
        Optional<JsonNode> operation = spec.operation(template, method);
        if (operation.isEmpty()) {
            return new Checked(match.get(), null, List.of(method + " is not allowed on " + template
                    + " (the spec allows " + String.join(", ", spec.methods(template)) + ")"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode body = parse(rawBody, problems);
        checkBody(operation.get(), body, rawBody != null, problems);
        checkIdsAgree(match.get().params(), body, problems);
        return new Checked(match.get(), body, problems);
    }

    private void checkBody(JsonNode operation, JsonNode body, boolean sent, List<String> problems) {
        JsonNode bodyParam = null;
        for (JsonNode param : operation.path("parameters")) {
            if ("body".equals(param.path("in").asText())) {
                bodyParam = param;
            }
        }
        if (bodyParam == null) {
            if (sent) {
                problems.add("this operation takes no body");
            }
            return;
        }
        if (!sent) {
            if (bodyParam.path("required").asBoolean(false)) {
                problems.add("a body is required");
            }
            return;
        }
        if (body != null) {
            problems.addAll(schemas.validate(body, bodyParam.get("schema"), "body"));
        }
    }

    /** Firecracker refuses a body whose id differs from the one in the path. */
    private static void checkIdsAgree(Map<String, String> pathParams, JsonNode body, List<String> problems) {
        if (body == null || !body.isObject()) {
            return;
        }
        pathParams.forEach((name, value) -> {
            JsonNode inBody = body.get(name);
            if (inBody != null && !value.equals(inBody.asText())) {
                problems.add("path says " + name + "=" + value + " but body." + name + " is " + inBody);
            }
        });
    }

    private JsonNode parse(String rawBody, List<String> problems) {
        if (rawBody == null) {
            return null;
        }
        try {
            return json.readTree(rawBody);
        } catch (JsonProcessingException e) {
            problems.add("body is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }
}
