package dev.banger.helper.api;

/** {@code priv.resolver.route}: send {@code .vm} lookups on {@code bridge}'s link to {@code dns_addr}. */
public record ResolverRouteParams(String bridge, String dnsAddr) {
    public ResolverRouteParams {
        InterfaceName.check(bridge, "params.bridge");
        DnsAddress.check(dnsAddr, "params.dns_addr");
    }
}
