package dev.banger.plugins.vm.store;

import dev.banger.plugins.vm.api.VmSummary;
import java.time.Instant;

/** One row of the vm store. */
public record VmRecord(String name, String state, VmSpec spec, VmRuntime runtime, Instant createdAt, Instant updatedAt, String lastError) {
    public VmRecord withState(String newState, String error) {
        return new VmRecord(name, newState, spec, runtime, createdAt, Instant.now(), error);
    }

    public VmRecord withRuntime(VmRuntime newRuntime) {
        return new VmRecord(name, state, spec, newRuntime, createdAt, Instant.now(), lastError);
    }

    public VmRecord withSpec(VmSpec newSpec) {
        return new VmRecord(name, state, newSpec, runtime, createdAt, Instant.now(), lastError);
    }

    public VmSummary summary() {
        return new VmSummary(name, state, spec.image(), spec.kernel(), spec.vcpu(), spec.memoryMib(), spec.diskBytes(), spec.network(),
                runtime.backend(), runtime.sshPort(), runtime.ip(), runtime.pid(), createdAt, updatedAt, lastError);
    }
}
