package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operations the spec allows only before or only after InstanceStart, read from the spec's own
 * words rather than kept as a list here: an operation is pre-boot only when its summary says
 * "Pre-boot only" or its description says it "will fail after machine startup" (PUT /balloon), and
 * post-boot only when its summary says "Post-boot only". Keys are {@code "PUT /drives/{drive_id}"}.
 */
final class BootPhaseRules {
    private final Set<String> preBootOnly = new TreeSet<>();
    private final Set<String> postBootOnly = new TreeSet<>();

    BootPhaseRules(SwaggerSpec spec) {
        for (Map.Entry<String, JsonNode> op : spec.operations().entrySet()) {
            String summary = op.getValue().path("summary").asText().toLowerCase(Locale.ROOT);
            String description = op.getValue().path("description").asText().toLowerCase(Locale.ROOT);
            if (summary.contains("pre-boot only") || description.contains("will fail after machine startup")) {
                preBootOnly.add(op.getKey());
            }
            if (summary.contains("post-boot only")) {
                postBootOnly.add(op.getKey());
            }
        }
    }

    boolean isPreBootOnly(String method, String template) {
        return preBootOnly.contains(method + " " + template);
    }

    boolean isPostBootOnly(String method, String template) {
        return postBootOnly.contains(method + " " + template);
    }

    Set<String> preBootOnly() {
        return Set.copyOf(preBootOnly);
    }

    Set<String> postBootOnly() {
        return Set.copyOf(postBootOnly);
    }
}
