package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmSpec;
import java.util.Set;

/** vm.set: a new vCPU count and memory size, taken by the VMM at the next start. */
public final class VmResize {
    /** A running VMM keeps the size it was launched with, so the row may only change while none runs. */
    private static final Set<String> CHANGEABLE = Set.of("created", "stopped");
    private final VmRuntimeServices s;

    public VmResize(VmRuntimeServices services) {
        this.s = services;
    }

    /** Null leaves a value as it is; the values were range-checked by VmSetParams. */
    public VmRecord set(String name, Integer vcpu, Integer memoryMib) throws Exception {
        return s.locks().with(name, () -> {
            VmRecord r = new VmLifecycle(s).find(name);
            if (!CHANGEABLE.contains(r.state())) {
                throw new RpcException(ErrorCode.CONFLICT, "VM " + name + " is " + r.state()
                        + "; its size can only change while it is stopped: `banger vm stop " + name + "` first");
            }
            VmSpec old = r.spec();
            VmSpec spec = new VmSpec(old.image(), old.kernel(), vcpu != null ? vcpu : old.vcpu(), memoryMib != null ? memoryMib : old.memoryMib(),
                    old.diskBytes(), old.network(), old.nat());
            VmRecord changed = r.withSpec(spec);
            s.store().update(changed);
            return changed;
        });
    }
}
