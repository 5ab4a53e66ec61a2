package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Firecracker's answer to {@code GET /}. Unknown fields are ignored: a newer Firecracker adding one
 * must not make banger unable to read the VM's state.
 *
 * @param state "Not started", "Running" or "Paused"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceInfo(@JsonProperty("app_name") String appName,
                           @JsonProperty("id") String id,
                           @JsonProperty("state") String state,
                           @JsonProperty("vmm_version") String vmmVersion) {
    public static final String NOT_STARTED = "Not started";
    public static final String RUNNING = "Running";
    public static final String PAUSED = "Paused";

    public boolean isRunning() {
        return RUNNING.equals(state);
    }
}
