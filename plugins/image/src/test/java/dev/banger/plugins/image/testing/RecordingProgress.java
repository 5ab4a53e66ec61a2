package dev.banger.plugins.image.testing;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/** An OperationProgress for tests: records stages and fractions, can be cancelled, has no call context. */
public final class RecordingProgress implements OperationProgress {
    private final List<String> stages = new CopyOnWriteArrayList<>();
    private final List<Double> fractions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile DoubleConsumer onProgress = f -> { };

    public List<String> stages() {
        return stages;
    }

    public List<Double> fractions() {
        return fractions;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Runs on every progress report (e.g. to cancel or prune at a given point). */
    public void onProgress(DoubleConsumer hook) {
        this.onProgress = hook;
    }

    @Override
    public String id() {
        return "op-test";
    }

    @Override
    public void stage(String stage) {
        stages.add(stage);
    }

    @Override
    public void progress(double fraction) {
        fractions.add(fraction);
        onProgress.accept(fraction);
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new RpcException(ErrorCode.CANCELLED, "cancelled by the test");
        }
    }

    @Override
    public CallContext context() {
        return null;
    }
}
