package dev.banger.kernel.api;

import java.util.Objects;

/**
 * An immutable, typed method descriptor. {@code params} is the record the request's params are
 * decoded into (unknown fields rejected); {@code result} documents what the handler returns.
 * A streaming method emits events through {@link CallContext#emit} before its result.
 */
public record Method<P, R>(String name, Class<P> params, Class<R> result, boolean streaming, Handler<P, R> handler) {
    public Method {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(handler, "handler");
    }

    public static <P, R> Method<P, R> of(String name, Class<P> params, Class<R> result, Handler<P, R> handler) {
        return new Method<>(name, params, result, false, handler);
    }

    public static <P, R> Method<P, R> streaming(String name, Class<P> params, Class<R> result, Handler<P, R> handler) {
        return new Method<>(name, params, result, true, handler);
    }
}
