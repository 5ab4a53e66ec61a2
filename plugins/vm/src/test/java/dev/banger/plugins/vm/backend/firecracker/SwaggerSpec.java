package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A Swagger 2.0 document read as a tree: path templates, their operations, and {@code $ref} resolution. */
final class SwaggerSpec {
    private final JsonNode root;
    private final List<String> templates = new ArrayList<>();

    private SwaggerSpec(JsonNode root) {
        this.root = root;
        root.path("paths").fieldNames().forEachRemaining(templates::add);
    }

    static SwaggerSpec load(Path file) throws IOException {
        return new SwaggerSpec(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    }

    String version() {
        return root.path("info").path("version").asText();
    }

    /** A concrete path matched to its template, with the path parameters it bound. */
    record PathMatch(String template, Map<String, String> params) {
    }

    /** Literal templates win over parameterised ones, as a router would pick them. */
    Optional<PathMatch> match(String path) {
        PathMatch best = null;
        for (String template : templates) {
            Map<String, String> params = bind(template, path);
            if (params != null && (best == null || params.size() < best.params().size())) {
                best = new PathMatch(template, params);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The operation object for {@code method} on {@code template}, if the spec allows that method. */
    Optional<JsonNode> operation(String template, String method) {
        JsonNode op = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return op.isObject() ? Optional.of(op) : Optional.empty();
    }

    List<String> methods(String template) {
        List<String> methods = new ArrayList<>();
        root.path("paths").path(template).fieldNames()
                .forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
        return methods;
    }

    Map<String, JsonNode> operations() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (String template : templates) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").path(template).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                all.put(op.getKey().toUpperCase(Locale.ROOT) + " " + template, op.getValue());
            }
        }
        return all;
    }

    /** Follows {@code $ref: "#/definitions/X"} chains; other schemas come back as they are. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/definitions/")) {
                throw new IllegalStateException("unsupported $ref " + ref);
            }
            current = root.path("definitions").path(ref.substring("#/definitions/".length()));
            if (current.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + ref);
            }
        }
        return current;
    }

    private static Map<String, String> bind(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}
