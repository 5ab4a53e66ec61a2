package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

public record VmNameParams(String name) {
    public VmNameParams {
        if (name == null || !VmCreateParams.NAME.matcher(name).matches()) {
            throw RpcException.badRequest("params.name: '" + name + "' is not a valid VM name");
        }
    }
}
