package dev.banger.helper.api;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.NoParams;

/**
 * The typed face of bangerd-root for daemon plugins: {@code new PrivClient(ctx.helper()).bridgeEnsure(...)}.
 * Arguments are checked here already (the records validate), so a bad call fails before it leaves
 * the daemon; the helper checks them again, because it trusts no caller.
 */
public final class PrivClient {
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

    /** The transport (SocketHelperClient) already explains a helper that is not there. */
    private <R> R call(String method, Object params, Class<R> result) {
        return helper.call(method, params, result);
    }
}
