package dev.banger.helper.api;

import java.util.List;

/** Method names served by bangerd-root. The helper serves exactly these; anything else is unknown_method. */
public final class HelperMethods {
    public static final String PING = "priv.ping";
    public static final String BRIDGE_ENSURE = "priv.bridge.ensure";
    public static final String BRIDGE_DELETE = "priv.bridge.delete";
    public static final String TAP_CREATE = "priv.tap.create";
    public static final String TAP_DELETE = "priv.tap.delete";
    public static final String NAT_ENABLE = "priv.nat.enable";
    public static final String NAT_DISABLE = "priv.nat.disable";
    public static final String NAT_LIST = "priv.nat.list";
    public static final String RESOLVER_ROUTE = "priv.resolver.route";
    public static final String RESOLVER_CLEAR = "priv.resolver.clear";

    public static final List<String> ALL = List.of(PING, BRIDGE_ENSURE, BRIDGE_DELETE, TAP_CREATE, TAP_DELETE,
            NAT_ENABLE, NAT_DISABLE, NAT_LIST, RESOLVER_ROUTE, RESOLVER_CLEAR);

    private HelperMethods() {
    }
}
