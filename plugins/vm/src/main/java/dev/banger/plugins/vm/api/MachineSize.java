package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

/** The limits of a VM's size, shared by vm.create and vm.set so both refuse the same values the same way. */
public final class MachineSize {
    public static final int MIN_VCPU = 1;
    public static final int MAX_VCPU = 32;
    public static final int MIN_MEMORY_MIB = 128;
    public static final int MAX_MEMORY_MIB = 65536;

    private MachineSize() {
    }

    /** Null passes: the field is optional in both methods. */
    public static void checkVcpu(Integer vcpu) {
        if (vcpu != null && (vcpu < MIN_VCPU || vcpu > MAX_VCPU)) {
            throw RpcException.badRequest("params.vcpu: must be " + MIN_VCPU + ".." + MAX_VCPU + ", got " + vcpu);
        }
    }

    public static void checkMemoryMib(Integer memoryMib) {
        if (memoryMib != null && (memoryMib < MIN_MEMORY_MIB || memoryMib > MAX_MEMORY_MIB)) {
            throw RpcException.badRequest("params.memory_mib: must be " + MIN_MEMORY_MIB + ".." + MAX_MEMORY_MIB + " MiB, got " + memoryMib);
        }
    }
}
