package dev.banger.kernel.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The async operation registry. Kinds are open strings, so a new plugin adds a kind without an API change. */
public interface Operations {
    /**
     * Inserts an operation whose id is the caller's op id and runs {@code task} in the background,
     * with the op id on every log line. Returns the summary at once.
     */
    OperationSummary begin(CallContext ctx, String kind, OperationTask task);

    /** As {@link #begin(CallContext, String, OperationTask)}, naming what the operation works on. */
    OperationSummary begin(CallContext ctx, String kind, String subject, OperationTask task);

    Optional<OperationSummary> get(String id);

    /** A fresh snapshot: mutating the returned list changes nothing in the registry. */
    List<OperationSummary> list(boolean activeOnly);

    /** Blocks until the operation is done or the timeout passes; returns its state then. */
    Optional<OperationSummary> await(String id, Duration timeout) throws InterruptedException;

    /** Requests cancellation; the task sees it through {@link OperationProgress#cancelled()}. */
    Optional<OperationSummary> cancel(String id);

    /** Removes done operations last updated before now minus {@code retention}; returns how many. */
    int prune(Duration retention);
}
