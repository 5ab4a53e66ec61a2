package dev.banger.kernel.api;

import org.slf4j.Logger;

/** One per request. Everything a handler may touch outside its own plugin goes through here. */
public interface CallContext {
    String opId();

    /** A logger whose lines carry this call's op_id. */
    Logger log();

    /** True once the client disconnected, the operation was cancelled or the daemon is stopping. */
    boolean cancelled();

    /** In-process call to another family's method under the same op id; errors arrive as RpcException. */
    <R> R call(String method, Object params, Class<R> result);

    Operations operations();

    HelperClient helper();

    PluginHome home();

    KernelInfo kernel();

    /** Sends one {@code {"op_id":…,"event":…}} frame; only meaningful for streaming methods. */
    void emit(Object event);
}
