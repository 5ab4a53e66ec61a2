package dev.banger.kernel.api;

/**
 * Typed calls to the privileged helper (bangerd-root). The op id of the current call is forwarded.
 * The typed records live in helper/api; this is the transport they ride on.
 */
public interface HelperClient {
    <R> R call(String method, Object params, Class<R> result);

    boolean reachable();
}
