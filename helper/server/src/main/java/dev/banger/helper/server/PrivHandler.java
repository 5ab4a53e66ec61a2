package dev.banger.helper.server;

/** The body of one helper method: validated params in, a result record out (or an RpcException). */
@FunctionalInterface
public interface PrivHandler<P> {
    Object handle(P params);
}
