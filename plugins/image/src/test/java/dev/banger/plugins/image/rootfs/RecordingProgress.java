package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records stages; cancels itself after a given number of checkCancelled calls (negative: never). */
final class RecordingProgress implements OperationProgress {
    final List<String> stages = new CopyOnWriteArrayList<>();
    private final int cancelAfterChecks;
    private int checks;
    private volatile boolean cancelled;

    RecordingProgress() {
        this(-1);
    }

    RecordingProgress(int cancelAfterChecks) {
        this.cancelAfterChecks = cancelAfterChecks;
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
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void checkCancelled() {
        if (cancelAfterChecks >= 0 && ++checks > cancelAfterChecks) {
            cancelled = true;
        }
        if (cancelled) {
            throw new RpcException(ErrorCode.CANCELLED, "cancelled by test");
        }
    }

    @Override
    public CallContext context() {
        return null;
    }
}
