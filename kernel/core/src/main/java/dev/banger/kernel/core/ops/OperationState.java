package dev.banger.kernel.core.ops;

import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcError;
import dev.banger.kernel.api.wire.RpcException;
import java.time.Clock;
import java.time.Instant;

/** One operation's mutable state; every read goes out as an immutable {@link OperationSummary}. */
final class OperationState {
    private final String id;
    private final String kind;
    private final String subject;
    private final Instant startedAt;
    private final Clock clock;
    private String stage = "queued";
    private double progress = -1;
    private boolean done;
    private RpcError error;
    private Instant updatedAt;
    private volatile boolean cancelRequested;
    /** When the stage was last written to the journal; stages can change many times a second (pull progress). */
    private long journaledNanos;

    OperationState(String id, String kind, String subject, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.subject = subject;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.updatedAt = startedAt;
    }

    /** An operation a previous daemon ran and did not finish: reported failed, as it was when that daemon ended. */
    static OperationState interrupted(OperationSummary last, Clock clock, RpcError why) {
        OperationState s = new OperationState(last.id(), last.kind(), last.subject(), last.startedAt(), clock);
        s.stage = last.stage();
        s.progress = last.progress();
        s.done = true;
        s.error = why;
        return s;
    }

    /** A finished operation of a previous daemon, kept for the rest of its retention. */
    static OperationState finished(OperationSummary last, Clock clock) {
        OperationState s = new OperationState(last.id(), last.kind(), last.subject(), last.startedAt(), clock);
        s.stage = last.stage();
        s.progress = last.progress();
        s.done = true;
        s.error = last.error();
        s.updatedAt = last.updatedAt();
        return s;
    }

    private OperationState(String id, String kind, String subject, Instant startedAt, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.subject = subject;
        this.clock = clock;
        this.startedAt = startedAt;
        this.updatedAt = clock.instant();
    }

    /** True at most once per {@code minGapNanos}: whether this stage change should also go to the journal. */
    synchronized boolean journalDue(long minGapNanos) {
        long now = System.nanoTime();
        if (journaledNanos != 0 && now - journaledNanos < minGapNanos) {
            return false;
        }
        journaledNanos = now;
        return true;
    }

    public String id() {
        return id;
    }

    public synchronized void stage(String stage) {
        this.stage = stage;
        touch();
    }

    public synchronized void progress(double fraction) {
        this.progress = fraction;
        touch();
    }

    public boolean cancelled() {
        return cancelRequested;
    }

    public void checkCancelled() {
        if (cancelRequested) {
            throw new RpcException(ErrorCode.CANCELLED, "operation " + id + " was cancelled");
        }
    }

    void requestCancel() {
        cancelRequested = true;
    }

    synchronized void finish(RpcError failure) {
        done = true;
        error = failure;
        if (failure == null) {
            stage = "done";
            progress = 1;
        }
        touch();
    }

    /** What {@link #summary()} will say once {@link #finish} is called with {@code failure}, without finishing. */
    synchronized OperationSummary summaryFinishedWith(RpcError failure, Clock now) {
        return new OperationSummary(id, kind, subject, failure == null ? "done" : stage, failure == null ? 1 : progress, true, failure,
                startedAt, now.instant());
    }

    synchronized boolean isDone() {
        return done;
    }

    synchronized Instant updatedAt() {
        return updatedAt;
    }

    synchronized OperationSummary summary() {
        return new OperationSummary(id, kind, subject, stage, progress, done, error, startedAt, updatedAt);
    }

    /** Waits (on this object's monitor) until done or {@code deadlineNanos}. */
    synchronized void awaitDone(long deadlineNanos) throws InterruptedException {
        long left;
        while (!done && (left = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void touch() {
        updatedAt = clock.instant();
        notifyAll();
    }
}
