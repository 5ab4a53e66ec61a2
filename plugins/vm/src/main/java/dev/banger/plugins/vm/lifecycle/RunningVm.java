package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.store.VmRecord;

/** The one not_running message for calls that need the guest up (exec, ssh, ports). */
public final class RunningVm {
    private RunningVm() {
    }

    public static VmRecord require(VmRecord r) {
        if (!r.state().equals("running")) {
            throw new RpcException(ErrorCode.NOT_RUNNING, "VM " + r.name() + " is " + r.state() + "; start it with `banger vm start " + r.name() + "`");
        }
        return r;
    }
}
