package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.time.Duration;

/**
 * config.toml's {@code [image]} keys for talking to registries: {@code registry_timeout_s} (connect,
 * response headers, and the longest silence inside a blob before it is cut and resumed; default 30)
 * and {@code registry_attempts} (per request, and interruptions per blob; default 4). A slow link
 * wants a longer timeout; a test of stalls wants a short one.
 */
public final class RegistrySettings {
    private RegistrySettings() {
    }

    public static RegistryOptions apply(JsonNode imageSection, RegistryOptions base) {
        RegistryOptions o = base;
        if (imageSection.hasNonNull("registry_timeout_s")) {
            int s = imageSection.get("registry_timeout_s").asInt();
            if (s < 1 || s > 3600) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "config.toml [image] registry_timeout_s must be 1..3600, not " + s);
            }
            o = o.withTimeout(Duration.ofSeconds(s));
        }
        if (imageSection.hasNonNull("registry_attempts")) {
            int n = imageSection.get("registry_attempts").asInt();
            if (n < 1 || n > 20) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "config.toml [image] registry_attempts must be 1..20, not " + n);
            }
            o = o.withRetries(n, o.initialBackoff());
        }
        return o;
    }
}
