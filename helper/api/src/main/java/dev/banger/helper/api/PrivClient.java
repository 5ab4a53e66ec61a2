package dev.banger.helper.api;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.api.wire.RpcTransportException;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The typed face of bangerd-root for daemon plugins: {@code new PrivClient(ctx.helper()).bridgeEnsure(...)}.
 * Arguments are checked here already (the records validate), so a bad call fails before it leaves
 * the daemon; the helper checks them again, because it trusts no caller.
 */
public final class PrivClient {
    static final String HOW_TO_FIX = "run `sudo banger system install`, or use `--network user`";
    private final HelperClient helper;

    public PrivClient(HelperClient helper) {
        this.helper = helper;
    }

    public PingResult ping() {
        return call(HelperMethods.PING, new NoParams(), PingResult.class);
    }

    public BridgeResult bridgeEnsure(String name, String cidr) {
        return call(HelperMethods.BRIDGE_ENSURE, new BridgeEnsureParams(name, cidr), BridgeResult.class);
    }

    public DeleteResult bridgeDelete(String name) {
        return call(HelperMethods.BRIDGE_DELETE, new LinkNameParams(name), DeleteResult.class);
    }

    public TapResult tapCreate(String name, String bridge, long ownerUid) {
        return call(HelperMethods.TAP_CREATE, new TapCreateParams(name, bridge, ownerUid), TapResult.class);
    }

    public DeleteResult tapDelete(String name) {
        return call(HelperMethods.TAP_DELETE, new LinkNameParams(name), DeleteResult.class);
    }

    public NatResult natEnable(String guestIp, String tap) {
        return call(HelperMethods.NAT_ENABLE, new NatParams(guestIp, tap), NatResult.class);
    }

    public NatResult natDisable(String guestIp, String tap) {
        return call(HelperMethods.NAT_DISABLE, new NatParams(guestIp, tap), NatResult.class);
    }

    public NatListResult natList() {
        return call(HelperMethods.NAT_LIST, new NoParams(), NatListResult.class);
    }

    public ResolverResult resolverRoute(String bridge, String dnsAddr) {
        return call(HelperMethods.RESOLVER_ROUTE, new ResolverRouteParams(bridge, dnsAddr), ResolverResult.class);
    }

    public ResolverResult resolverClear() {
        return call(HelperMethods.RESOLVER_CLEAR, new NoParams(), ResolverResult.class);
    }

    private <R> R call(String method, Object params, Class<R> result) {
        return unreachableExplained(() -> helper.call(method, params, result));
    }

    /**
     * A helper that is not there is the common case on a fresh machine; say what to do about it
     * instead of passing on a socket error.
     */
    static <R> R unreachableExplained(Supplier<R> call) {
        try {
            return call.get();
        } catch (RpcTransportException e) {
            throw notReachable(e);
        } catch (RpcException e) {
            if (e.code() == ErrorCode.OPERATION_FAILED && e.getCause() instanceof IOException) {
                throw notReachable(e);
            }
            throw e;
        }
    }

    private static RpcException notReachable(RuntimeException cause) {
        Throwable root = cause.getCause() == null ? cause : cause.getCause();
        return new RpcException(ErrorCode.OPERATION_FAILED, "bridge networking needs bangerd-root, which is not"
                + " reachable (" + root.getMessage() + "): " + HOW_TO_FIX, cause);
    }
}
