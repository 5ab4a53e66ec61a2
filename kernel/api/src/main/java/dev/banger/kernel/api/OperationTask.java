package dev.banger.kernel.api;

@FunctionalInterface
public interface OperationTask {
    /** Returns normally on success; throw RpcException (or anything) to fail the operation. */
    void run(OperationProgress progress) throws Exception;
}
