package dev.banger.plugins.ops;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.ops.api.OperationIdParams;
import dev.banger.plugins.ops.api.OperationWaitParams;
import dev.banger.plugins.ops.api.OperationsListParams;
import dev.banger.plugins.ops.api.OperationsListResult;
import java.time.Duration;
import java.util.Optional;

/** daemon.operations.*: a window onto the kernel's async operation registry. */
final class OperationMethods {
    private static final long SLICE_NANOS = Duration.ofMillis(250).toNanos();

    private OperationMethods() {
    }

    static Method<OperationsListParams, OperationsListResult> list() {
        return Method.of("daemon.operations.list", OperationsListParams.class, OperationsListResult.class,
                (ctx, p) -> new OperationsListResult(ctx.operations().list(Boolean.TRUE.equals(p.activeOnly()))));
    }

    static Method<OperationIdParams, OperationSummary> get() {
        return Method.of("daemon.operations.get", OperationIdParams.class, OperationSummary.class,
                (ctx, p) -> found(p.id(), ctx.operations().get(p.id())));
    }

    static Method<OperationWaitParams, OperationSummary> await() {
        return Method.of("daemon.operations.wait", OperationWaitParams.class, OperationSummary.class,
                (ctx, p) -> found(p.id(), awaitWhileConnected(ctx, p)));
    }

    /** Waits in short slices so a client that hangs up, or a stopping daemon, ends the wait early. */
    private static Optional<OperationSummary> awaitWhileConnected(CallContext ctx, OperationWaitParams p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(p.effectiveTimeoutMs()).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<OperationSummary> s = ctx.operations().await(p.id(), Duration.ofNanos(Math.max(0, Math.min(left, SLICE_NANOS))));
            if (s.isEmpty() || s.get().done() || left <= SLICE_NANOS || ctx.cancelled()) {
                return s;
            }
        }
    }

    static Method<OperationIdParams, OperationSummary> cancel() {
        return Method.of("daemon.operations.cancel", OperationIdParams.class, OperationSummary.class,
                (ctx, p) -> found(p.id(), ctx.operations().cancel(p.id())));
    }

    private static OperationSummary found(String id, Optional<OperationSummary> op) {
        return op.orElseThrow(() -> RpcException.notFound("no operation " + id
                + " (finished operations are kept for an hour; `banger ops list` shows what is known)"));
    }
}
