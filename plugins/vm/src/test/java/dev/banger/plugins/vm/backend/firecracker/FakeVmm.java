package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Firecracker process as the API sees it: what has been configured, whether the instance has
 * started, and the call-order rules. Requests reach it already checked against the spec's shapes.
 *
 * <p>Order rules: pre-/post-boot only operations come from {@link BootPhaseRules} (the spec's words).
 * The rest are Firecracker's documented behaviour that the spec does not spell out: InstanceStart needs
 * a boot source and a root drive and happens once; SendCtrlAltDel and PATCH /vm need a started VM;
 * FlushMetrics needs PUT /metrics first.
 */
final class FakeVmm {
    private final BootPhaseRules phases;
    private final String vmId;
    private final String version;
    private final Map<String, JsonNode> configured = new LinkedHashMap<>();
    private String state = InstanceInfo.NOT_STARTED;
    private int ctrlAltDels;

    FakeVmm(BootPhaseRules phases, String vmId, String version) {
        this.phases = phases;
        this.vmId = vmId;
        this.version = version;
    }

    synchronized FakeAnswer handle(String method, String path, String template, JsonNode body) {
        boolean started = !state.equals(InstanceInfo.NOT_STARTED);
        if (started && phases.isPreBootOnly(method, template)) {
            return FakeAnswer.violation(method + " " + template + " is pre-boot only, and the instance is " + state);
        }
        if (!started && phases.isPostBootOnly(method, template)) {
            return FakeAnswer.violation(method + " " + template + " is post-boot only, and the instance has not started");
        }
        switch (method + " " + template) {
            case "GET /": return FakeAnswer.ok(instanceInfo());
            case "GET /version": return FakeAnswer.ok(JsonNodeFactory.instance.objectNode().put("firecracker_version", version));
            case "GET /machine-config": return FakeAnswer.ok(machineConfig());
            case "PUT /actions": return action(body.path("action_type").asText(), started);
            case "PATCH /vm": return pauseOrResume(body.path("state").asText(), started);
            default:
                if (method.equals("GET")) {
                    return FakeAnswer.notModelled("GET " + template);
                }
                configured.put(method + " " + path, body);
                return FakeAnswer.noContent();
        }
    }

    private FakeAnswer action(String type, boolean started) {
        switch (type) {
            case "InstanceStart":
                if (started) {
                    return FakeAnswer.violation("InstanceStart: the instance has already started");
                }
                if (!configured.containsKey("PUT /boot-source")) {
                    return FakeAnswer.violation("InstanceStart: no boot source configured (PUT /boot-source first)");
                }
                if (rootDrives().isEmpty()) {
                    return FakeAnswer.violation("InstanceStart: no root drive configured (PUT /drives/{drive_id} with is_root_device)");
                }
                state = InstanceInfo.RUNNING;
                return FakeAnswer.noContent();
            case "SendCtrlAltDel":
                if (!started) {
                    return FakeAnswer.violation("SendCtrlAltDel: the instance has not started");
                }
                ctrlAltDels++;
                return FakeAnswer.noContent();
            case "FlushMetrics":
                return configured.containsKey("PUT /metrics") ? FakeAnswer.noContent()
                        : FakeAnswer.violation("FlushMetrics: metrics are not configured (PUT /metrics first)");
            default:
                throw new IllegalStateException("action_type " + type + " passed the spec check but is not modelled");
        }
    }

    private FakeAnswer pauseOrResume(String wanted, boolean started) {
        if (!started) {
            return FakeAnswer.violation("PATCH /vm: the instance has not started");
        }
        state = wanted.equals("Paused") ? InstanceInfo.PAUSED : InstanceInfo.RUNNING;
        return FakeAnswer.noContent();
    }

    private List<String> rootDrives() {
        return configured.entrySet().stream()
                .filter(e -> e.getKey().startsWith("PUT /drives/") && e.getValue().path("is_root_device").asBoolean())
                .map(Map.Entry::getKey).toList();
    }

    private ObjectNode instanceInfo() {
        return JsonNodeFactory.instance.objectNode()
                .put("app_name", "Firecracker").put("id", vmId).put("state", state).put("vmm_version", version);
    }

    /** The stored configuration, or Firecracker's documented defaults (1 vCPU, 128 MiB) before any PUT. */
    private JsonNode machineConfig() {
        JsonNode put = configured.get("PUT /machine-config");
        return put != null ? put : JsonNodeFactory.instance.objectNode().put("vcpu_count", 1).put("mem_size_mib", 128);
    }

    synchronized String state() {
        return state;
    }

    synchronized int ctrlAltDels() {
        return ctrlAltDels;
    }

    /** The last accepted body per concrete call, e.g. {@code "PUT /drives/rootfs"}, in first-seen order. */
    synchronized Map<String, JsonNode> configured() {
        return new LinkedHashMap<>(configured);
    }
}
