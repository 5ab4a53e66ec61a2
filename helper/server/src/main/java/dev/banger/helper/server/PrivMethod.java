package dev.banger.helper.server;

/** One entry of the helper's allow-list: a name, its params record, and what it does. */
public record PrivMethod<P>(String name, Class<P> params, PrivHandler<P> handler) {
    Object invoke(Object decoded) {
        return handler.handle(params.cast(decoded));
    }
}
