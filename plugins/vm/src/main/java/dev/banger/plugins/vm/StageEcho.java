package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.plugins.vm.api.CreateStage;

/** An operation's progress that also streams each stage to the synchronous caller waiting on it. */
record StageEcho(OperationProgress inner, CallContext caller) implements OperationProgress {
    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public void stage(String stage) {
        inner.stage(stage);
        caller.emit(new CreateStage(stage));
    }

    @Override
    public void progress(double fraction) {
        inner.progress(fraction);
    }

    @Override
    public boolean cancelled() {
        return inner.cancelled();
    }

    @Override
    public void checkCancelled() {
        inner.checkCancelled();
    }

    @Override
    public CallContext context() {
        return inner.context();
    }
}
