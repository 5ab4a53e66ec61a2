package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

/** vm.forward.add: 127.0.0.1:{@code host_port} (a free one when absent) to the guest's {@code guest_port}. */
public record VmForwardAddParams(String name, Integer guestPort, Integer hostPort) {
    public VmForwardAddParams {
        new VmNameParams(name);
        if (guestPort == null) {
            throw RpcException.badRequest("params.guest_port: required");
        }
        Ports.check(guestPort, "params.guest_port");
        Ports.check(hostPort, "params.host_port");
    }
}
