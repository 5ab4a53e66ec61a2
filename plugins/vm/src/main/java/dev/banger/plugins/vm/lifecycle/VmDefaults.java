package dev.banger.plugins.vm.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/**
 * Defaults for vm.create: config.toml's [vm] section first, then what suits this host. Keys:
 * image, kernel, vcpu, memory_mib, disk_size_bytes, network, ready_timeout_s.
 */
public record VmDefaults(String image, String kernel, int vcpu, int memoryMib, long diskBytes, String network, int readyTimeoutSeconds) {
    public static final String IMAGE = "debian-bookworm";
    public static final String KERNEL = "debian-cloud";

    public static VmDefaults from(JsonNode config) {
        int cores = Runtime.getRuntime().availableProcessors();
        VmDefaults d = new VmDefaults(
                text(config, "image", IMAGE), text(config, "kernel", KERNEL),
                number(config, "vcpu", Math.min(2, cores)), number(config, "memory_mib", 1024),
                config.path("disk_size_bytes").asLong(8L << 30), text(config, "network", "user"),
                // TCG boots a systemd guest in ~10 s on an idle host; leave room for a busy one
                number(config, "ready_timeout_s", 240));
        if (!d.network.equals("user") && !d.network.equals("bridge")) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "config.toml [vm] network must be user or bridge, not " + d.network);
        }
        return d;
    }

    private static String text(JsonNode c, String key, String fallback) {
        return c.hasNonNull(key) ? c.get(key).asText() : fallback;
    }

    private static int number(JsonNode c, String key, int fallback) {
        return c.hasNonNull(key) ? c.get(key).asInt() : fallback;
    }
}
