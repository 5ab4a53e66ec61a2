package dev.banger.plugins.image.testing;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

/** An OperationProgress for tests: records stages and fractions, can be cancelled, has no call context. */
public final class RecordingProgress implements OperationProgress {
    private final List<String> stages = new CopyOnWriteArrayList<>();
    private final List<Double> fractions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile DoubleConsumer onProgress = f -> { };
    private volatile String cancelAtStage;
    private final AtomicInteger checksLeft = new AtomicInteger(-1);

    /** Cancels itself as soon as {@code stage} begins. */
    public static RecordingProgress cancellingAtStage(String stage) {
        RecordingProgress p = new RecordingProgress();
        p.cancelAtStage = stage;
        return p;
    }

    /** Cancels itself once checkCancelled() has been called more than {@code checks} times. */
    public static RecordingProgress cancellingAfterChecks(int checks) {
        RecordingProgress p = new RecordingProgress();
        p.checksLeft.set(checks);
        return p;
    }

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
        if (stage.equals(cancelAtStage)) {
            cancelled.set(true);
        }
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
        if (checksLeft.get() >= 0 && checksLeft.getAndDecrement() == 0) {
            cancelled.set(true);
        }
        if (cancelled.get()) {
            throw new RpcException(ErrorCode.CANCELLED, "cancelled by the test");
        }
    }

    @Override
    public CallContext context() {
        return null;
    }
}
