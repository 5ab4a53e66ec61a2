package dev.banger.kernel.api;

@FunctionalInterface
public interface Handler<P, R> {
    /** Throw {@link dev.banger.kernel.api.wire.RpcException} for a typed error; anything else becomes operation_failed. */
    R handle(CallContext ctx, P params) throws Exception;
}
