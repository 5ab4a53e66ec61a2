package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records stages; can ask for cancellation as soon as a given stage begins. */
final class RecordingProgress implements OperationProgress {
    final List<String> stages = new CopyOnWriteArrayList<>();
    private final String cancelAtStage;
    private volatile boolean cancelled;

    RecordingProgress() {
        this(null);
    }

    RecordingProgress(String cancelAtStage) {
        this.cancelAtStage = cancelAtStage;
    }

    @Override
    public String id() {
        return "op-test";
    }

    @Override
    public void stage(String stage) {
        stages.add(stage);
        if (stage.equals(cancelAtStage)) {
            cancelled = true;
        }
    }

    @Override
    public void progress(double fraction) {
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void checkCancelled() {
        if (cancelled) {
            throw new RpcException(ErrorCode.CANCELLED, "cancelled by the test");
        }
    }

    @Override
    public CallContext context() {
        return null;
    }
}
