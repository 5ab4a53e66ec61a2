package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.util.List;

/** Lifecycle calls accept several VM names; each is handled under its own lock, in parallel. */
public record VmNamesParams(List<String> names, Long timeoutMs) {
    public VmNamesParams {
        if (names == null || names.isEmpty()) {
            throw RpcException.badRequest("params.names: at least one VM name is required");
        }
        for (String n : names) {
            if (n == null || !VmCreateParams.NAME.matcher(n).matches()) {
                throw RpcException.badRequest("params.names: '" + n + "' is not a valid VM name");
            }
        }
        names = List.copyOf(new java.util.LinkedHashSet<>(names));
    }
}
