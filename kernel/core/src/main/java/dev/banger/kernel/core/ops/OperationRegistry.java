package dev.banger.kernel.core.ops;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.OperationTask;
import dev.banger.kernel.api.Operations;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcError;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.rpc.CallScope;
import dev.banger.kernel.core.rpc.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The kernel's async operation registry. Done operations older than the retention are pruned on insert.
 * Every operation is also written to an {@link OperationJournal} (when it begins, when its stage
 * changes, at most once a second, and when it ends), so a daemon started after a kill reports the
 * operations the killed one was running as failed, rather than not knowing their ids.
 */
public final class OperationRegistry implements Operations, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.operations");
    private final Map<String, OperationState> ops = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "banger-operation");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final Duration retention;
    private final BooleanSupplier stopping;
    private final OperationJournal journal;
    private volatile long journalPrunedNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private static final long STAGE_JOURNAL_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

    public OperationRegistry(Clock clock, Duration retention, BooleanSupplier stopping) {
        this(clock, retention, stopping, OperationJournal.NONE);
    }

    public OperationRegistry(Clock clock, Duration retention, BooleanSupplier stopping, OperationJournal journal) {
        this.clock = clock;
        this.retention = retention;
        this.stopping = stopping;
        this.journal = journal;
        restore();
    }

    /** Reads what the previous daemon left: its unfinished operations are failed now, and say why. */
    private void restore() {
        List<OperationSummary> previous;
        try {
            previous = journal.load();
        } catch (Exception e) {
            LOG.warn("could not read the operation journal; operations of the previous daemon are unknown: {}", e.toString());
            return;
        }
        for (OperationSummary last : previous) {
            OperationState state = last.done() ? OperationState.finished(last, clock) : OperationState.interrupted(last, clock, interruption(last));
            ops.put(state.id(), state);
            if (!last.done()) {
                LOG.atWarn().addKeyValue("op_id", last.id()).addKeyValue("kind", last.kind())
                        .log("operation interrupted by the end of the previous bangerd: marked failed");
                save(state);
            }
        }
    }

    static RpcError interruption(OperationSummary last) {
        return new RpcError(ErrorCode.OPERATION_FAILED, "interrupted: bangerd stopped (killed, crashed or the host went down) while "
                + last.kind() + (last.subject() == null ? "" : " of " + last.subject()) + " was at stage '" + last.stage()
                + "'; it did not complete, and anything it had half made is removed when bangerd starts again");
    }

    private void save(OperationState state) {
        try {
            journal.save(state.summary());
        } catch (Exception e) {
            // a full disk or a broken journal must not fail the work itself; the operation just won't survive a kill
            LOG.atWarn().addKeyValue("op_id", state.id()).log("could not write the operation journal: {}", e.toString());
        }
    }

    @Override
    public OperationSummary begin(CallContext ctx, String kind, OperationTask task) {
        return begin(ctx, kind, null, task);
    }

    @Override
    public OperationSummary begin(CallContext ctx, String kind, String subject, OperationTask task) {
        prune(retention);
        OperationState state = new OperationState(ctx.opId(), kind, subject, clock);
        if (ops.putIfAbsent(state.id(), state) != null) {
            throw new RpcException(ErrorCode.CONFLICT, "an operation with id " + state.id() + " already exists; send a fresh op_id");
        }
        save(state);
        CallContext detached = ctx instanceof CallScope scope
                ? scope.detached(() -> state.cancelled() || stopping.getAsBoolean()) : ctx;
        runner.execute(() -> run(state, task, detached));
        return state.summary();
    }

    private void run(OperationState state, OperationTask task, CallContext ctx) {
        MDC.put(Dispatcher.MDC_OP_ID, state.id());
        try {
            task.run(new BoundProgress(state, ctx));
            finish(state, null);
            LOG.atInfo().addKeyValue("kind", state.summary().kind()).log("operation completed");
        } catch (RpcException e) {
            finish(state, e.toError());
            LOG.atWarn().addKeyValue("kind", state.summary().kind()).addKeyValue("error", e.code().wire()).log("operation failed: {}", e.detail());
        } catch (Exception e) {
            LOG.error("operation failed unexpectedly", e);
            finish(state, new RpcError(ErrorCode.OPERATION_FAILED, e.toString()));
        } finally {
            MDC.remove(Dispatcher.MDC_OP_ID);
        }
    }

    /**
     * The outcome goes to the journal before waiters see it: once anyone has been told an operation
     * is done, a kill can no longer turn it into "interrupted" at the next start.
     */
    private void finish(OperationState state, RpcError failure) {
        try {
            journal.save(state.summaryFinishedWith(failure, clock));
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("op_id", state.id()).log("could not write the operation journal: {}", e.toString());
        }
        state.finish(failure);
    }

    @Override
    public Optional<OperationSummary> get(String id) {
        return Optional.ofNullable(ops.get(id)).map(OperationState::summary);
    }

    @Override
    public List<OperationSummary> list(boolean activeOnly) {
        prune(retention);
        return ops.values().stream()
                .map(OperationState::summary)
                .filter(s -> !activeOnly || !s.done())
                .sorted(Comparator.comparing(OperationSummary::startedAt))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    @Override
    public Optional<OperationSummary> await(String id, Duration timeout) throws InterruptedException {
        OperationState state = ops.get(id);
        if (state == null) {
            return Optional.empty();
        }
        state.awaitDone(System.nanoTime() + timeout.toNanos());
        return Optional.of(state.summary());
    }

    @Override
    public Optional<OperationSummary> cancel(String id) {
        OperationState state = ops.get(id);
        if (state == null) {
            return Optional.empty();
        }
        if (!state.isDone()) {
            state.requestCancel();
        }
        return Optional.of(state.summary());
    }

    @Override
    public int prune(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        int before = ops.size();
        ops.values().removeIf(s -> s.isDone() && s.updatedAt().isBefore(cutoff));
        long now = System.nanoTime();
        try {
            // list() prunes on every call; the journal is pruned at most once a minute
            if (now - journalPrunedNanos > TimeUnit.MINUTES.toNanos(1)) {
                journalPrunedNanos = now;
                journal.prune(cutoff);
            }
        } catch (Exception e) {
            LOG.debug("could not prune the operation journal: {}", e.toString());
        }
        return before - ops.size();
    }

    /** Cancels everything still running and waits briefly for the tasks to notice. */
    @Override
    public void close() throws InterruptedException {
        ops.values().forEach(OperationState::requestCancel);
        runner.shutdown();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Progress plus the operation's own call context, for tasks that call other families. */
    private final class BoundProgress implements dev.banger.kernel.api.OperationProgress {
        private final OperationState state;
        private final CallContext ctx;

        BoundProgress(OperationState state, CallContext ctx) {
            this.state = state;
            this.ctx = ctx;
        }

        @Override public String id() { return state.id(); }
        @Override public void stage(String stage) {
            state.stage(stage);
            if (state.journalDue(STAGE_JOURNAL_GAP_NANOS)) {
                save(state);
            }
        }
        @Override public void progress(double fraction) { state.progress(fraction); }
        @Override public boolean cancelled() { return state.cancelled(); }
        @Override public void checkCancelled() { state.checkCancelled(); }
        @Override public CallContext context() { return ctx; }
    }
}
