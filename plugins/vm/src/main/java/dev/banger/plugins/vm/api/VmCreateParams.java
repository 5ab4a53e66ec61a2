package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/**
 * vm.create / vm.create.begin. Everything optional: defaults come from config.toml's [vm] section,
 * then host heuristics ({@code ready_timeout_s} replaces config.toml's for this VM only). Checked here so bad input is refused before anything is created.
 */
public record VmCreateParams(String name, String image, String kernel, Integer vcpu, Integer memoryMib, Long diskSizeBytes,
                             String network, Boolean nat, Boolean noStart, Integer readyTimeoutS) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public VmCreateParams {
        if (name != null && !NAME.matcher(name).matches()) {
            throw RpcException.badRequest("params.name: '" + name + "' is not a valid VM name (1-63 of a-z, 0-9 and '-', starting with a letter or digit)");
        }
        MachineSize.checkVcpu(vcpu);
        MachineSize.checkMemoryMib(memoryMib);
        if (diskSizeBytes != null) {
            Params.positive(diskSizeBytes, "params.disk_size_bytes");
            if (diskSizeBytes < (64L << 20)) {
                throw RpcException.badRequest("params.disk_size_bytes: the work disk must be at least 64 MiB");
            }
        }
        if (readyTimeoutS != null && (readyTimeoutS < 1 || readyTimeoutS > 3600)) {
            throw RpcException.badRequest("params.ready_timeout_s: must be 1..3600 seconds, got " + readyTimeoutS);
        }
        if (network != null && !network.equals("user") && !network.equals("bridge")) {
            throw RpcException.badRequest("params.network: must be \"user\" or \"bridge\", got \"" + network + "\"");
        }
    }
}
