package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

/** vm.set: a stopped VM's new size; each field optional, at least one given, limits as in vm.create. */
public record VmSetParams(String name, Integer vcpu, Integer memoryMib) {
    public VmSetParams {
        new VmNameParams(name);
        if (vcpu == null && memoryMib == null) {
            throw RpcException.badRequest("params: give vcpu, memory_mib or both");
        }
        MachineSize.checkVcpu(vcpu);
        MachineSize.checkMemoryMib(memoryMib);
    }
}
