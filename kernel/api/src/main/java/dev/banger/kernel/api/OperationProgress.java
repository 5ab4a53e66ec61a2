package dev.banger.kernel.api;

/** What a running operation reports back to the registry. */
public interface OperationProgress {
    String id();

    void stage(String stage);

    /** Fraction done in [0,1], or -1 when unknown. */
    void progress(double fraction);

    boolean cancelled();

    /** Throws RpcException(cancelled) when cancellation was requested: call between steps. */
    void checkCancelled();

    /** A call context that lives as long as the operation: cancelled by the operation, not by the caller's disconnect. */
    CallContext context();
}
