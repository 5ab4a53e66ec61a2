package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

/** vm.forward.remove: the forward is named by its host port, the one thing unique to it. */
public record VmForwardRemoveParams(String name, Integer hostPort) {
    public VmForwardRemoveParams {
        new VmNameParams(name);
        if (hostPort == null) {
            throw RpcException.badRequest("params.host_port: required");
        }
        Ports.check(hostPort, "params.host_port");
    }
}
