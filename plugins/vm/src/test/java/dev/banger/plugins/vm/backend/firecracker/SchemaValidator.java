package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a Swagger 2.0 schema: type, enum, minimum/maximum, required properties,
 * nested objects and arrays. Properties the schema does not name are rejected unless it says
 * {@code additionalProperties: true}: Firecracker's API denies unknown fields.
 */
final class SchemaValidator {
    private final SwaggerSpec spec;

    SchemaValidator(SwaggerSpec spec) {
        this.spec = spec;
    }

    /** Every problem found, each naming where in the value it is (e.g. {@code body.rate_limiter.ops.size}). */
    List<String> validate(JsonNode value, JsonNode schema, String where) {
        List<String> problems = new ArrayList<>();
        check(value, spec.resolve(schema), where, problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> problems) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(where + " must be " + type + ", got " + describe(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + " must be one of " + schema.get("enum") + ", got " + value);
        }
        if (value.isNumber()) {
            checkRange(value, schema, where, problems);
        }
        if (value.isObject()) {
            checkObject(value, schema, where, problems);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), spec.resolve(schema.get("items")), where + "[" + i + "]", problems);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String where, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + "." + required.asText() + " is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode fieldSchema = properties.get(field.getKey());
            if (fieldSchema != null) {
                check(field.getValue(), spec.resolve(fieldSchema), where + "." + field.getKey(), problems);
            } else if (!schema.path("additionalProperties").asBoolean(false)) {
                problems.add(where + "." + field.getKey() + " is not a known field");
            }
        }
    }

    private static void checkRange(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(where + " must be at least " + schema.get("minimum") + ", got " + value);
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(where + " must be at most " + schema.get("maximum") + ", got " + value);
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "string": return value.isTextual();
            case "integer": return value.isIntegralNumber();
            case "number": return value.isNumber();
            case "boolean": return value.isBoolean();
            case "object": return value.isObject();
            case "array": return value.isArray();
            default: throw new IllegalStateException("schema type the validator does not know: " + type);
        }
    }

    /** Also compared as text, so a YAML scalar the parser typed as something else still matches its string form. */
    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value) || (value.isTextual() && candidate.asText().equals(value.asText()))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
