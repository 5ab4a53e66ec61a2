package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** Lets synchronous calls (vm.start, vm.restart) reuse code written for operations: cancelled when the client leaves. */
record CallProgress(CallContext ctx) implements OperationProgress {
    @Override
    public String id() {
        return ctx.opId();
    }

    @Override
    public void stage(String stage) {
        ctx.log().debug("stage {}", stage);
    }

    @Override
    public void progress(double fraction) {
        // synchronous calls report no fraction
    }

    @Override
    public boolean cancelled() {
        return ctx.cancelled();
    }

    @Override
    public void checkCancelled() {
        if (ctx.cancelled()) {
            throw new RpcException(ErrorCode.CANCELLED, ctx.opId() + " was cancelled");
        }
    }

    @Override
    public CallContext context() {
        return ctx;
    }
}
