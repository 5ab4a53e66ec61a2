package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.store.VmRecord;
import java.time.Duration;

/**
 * start / stop / restart / kill / delete of one VM, each under that VM's lock. The helper (the calling
 * RPC's, so its op id reaches bangerd-root's log) makes and removes bridge VMs' taps and NAT rules.
 */
public final class VmLifecycle {
    private final VmRuntimeServices s;
    private final HelperClient helper;

    public VmLifecycle(VmRuntimeServices services, HelperClient helper) {
        this.s = services;
        this.helper = helper;
    }

    /** For looking VMs up only ({@link #find}, {@link #backend}): nothing that needs the helper. */
    public VmLifecycle(VmRuntimeServices services) {
        this(services, HelperNotGiven.INSTANCE);
    }

    public VmRecord find(String name) throws Exception {
        return s.store().find(name).orElseThrow(() -> RpcException.notFound("no VM named " + name + " (`banger vm list` shows them)"));
    }

    public VmRecord start(String name, OperationProgress progress, Duration readyTimeout) throws Exception {
        return s.locks().with(name, () -> {
            VmRecord r = find(name);
            if (r.state().equals("running")) {
                return r;
            }
            try {
                progress.stage("network");
                BridgeLink.up(s, r, helper);
                return new VmBoot(s).boot(r, backend(r), progress, readyTimeout, "starting");
            } catch (RpcException e) {
                s.removal().markFailed(find(name), backend(r), e.detail(), helper);
                throw e;
            }
        });
    }

    public VmRecord stop(String name, Duration timeout) throws Exception {
        return s.locks().with(name, () -> new VmStop(s, helper).stop(find(name), backend(find(name)), timeout));
    }

    public VmRecord kill(String name, String signal) throws Exception {
        return s.locks().with(name, () -> new VmStop(s, helper).kill(find(name), backend(find(name)), signal));
    }

    public VmRecord delete(String name, Duration stopTimeout) throws Exception {
        return s.locks().with(name, () -> {
            VmRecord r = find(name);
            VmBackend backend = backend(r);
            // the intent goes into the row first: a daemon killed from here on finishes this delete at its next start
            s.store().update(r.withState(VmStates.DELETING, null));
            if (r.runtime().pid() != null) {
                new VmStop(s, helper).halt(r, backend, VmStop.handle(r), stopTimeout);
            }
            s.removal().remove(r, backend, helper);
            return r.withState("deleted", null);
        });
    }

    VmBackend backend(VmRecord r) {
        return s.backends().byName(r.runtime().backend()).orElseThrow(() -> new RpcException(ErrorCode.OPERATION_FAILED,
                "VM " + r.name() + " was made by backend " + r.runtime().backend() + ", which this daemon does not have"));
    }
}
