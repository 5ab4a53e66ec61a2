package dev.banger.plugins.vm.net;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.helper.api.InterfaceName;
import dev.banger.helper.api.Ipv4;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/**
 * The bridge keys of config.toml's {@code [vm]} section:
 * {@code bridge} (default: the helper's prefix + {@code banger0}, e.g. {@code bgr-banger0}: the helper
 * only touches interfaces with its prefix), {@code bridge_subnet} (default {@code 172.30.0.0/24}, the
 * gateway is its first address), {@code guest_dns} (what bridge guests put in resolv.conf; none by
 * default), {@code netns} (test/confinement: see {@link NetnsEntry}), {@code dns_port} (the daemon's DNS
 * listener on 127.0.0.1; 0 = any free port) and {@code dns_route} (ask the helper to route {@code .vm}
 * through systemd-resolved; off by default).
 */
public record BridgeSettings(String bridge, Ipv4Cidr subnet, String guestDns, NetnsEntry netns, int dnsPort, boolean dnsRoute) {
    public static final String DEFAULT_SUBNET = "172.30.0.0/24";
    public static final String BRIDGE_SUFFIX = "banger0";

    public static BridgeSettings from(JsonNode config) {
        String bridge = config.hasNonNull("bridge") ? config.get("bridge").asText() : null;
        try {
            if (bridge != null) {
                InterfaceName.check(bridge, "config.toml [vm] bridge");
            }
            Ipv4Cidr subnet = Ipv4Cidr.parse(config.path("bridge_subnet").asText(DEFAULT_SUBNET), "config.toml [vm] bridge_subnet");
            if (subnet.prefix() < 16 || subnet.prefix() > 29) {
                throw fail("config.toml [vm] bridge_subnet: prefix must be 16-29 (room for a gateway and guests), got " + subnet);
            }
            if (subnet.address() != subnet.network()) {
                throw fail("config.toml [vm] bridge_subnet: give the network address, e.g. " + Ipv4.format(subnet.network()) + "/" + subnet.prefix());
            }
            String dns = config.hasNonNull("guest_dns") ? config.get("guest_dns").asText() : null;
            if (dns != null) {
                for (String server : dns.split(",")) {
                    Ipv4.parse(server, "config.toml [vm] guest_dns");
                }
            }
            int port = config.path("dns_port").asInt(0);
            if (port < 0 || port > 65535) {
                throw fail("config.toml [vm] dns_port: must be 0-65535, got " + port);
            }
            NetnsEntry netns = new NetnsEntry(config.hasNonNull("netns") ? config.get("netns").asText() : null);
            return new BridgeSettings(bridge, subnet, dns, netns, port, config.path("dns_route").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        } catch (RpcException e) {
            throw fail(e.detail());
        }
    }

    /** The bridge to use: configured, or the helper's managed prefix + banger0. */
    public String bridgeName(String helperPrefix) {
        return bridge != null ? bridge : helperPrefix + BRIDGE_SUFFIX;
    }

    public String gateway() {
        return Ipv4.format(subnet.network() + 1);
    }

    /** The bridge's own address with the prefix, what priv.bridge.ensure takes. */
    public String gatewayCidr() {
        return gateway() + "/" + subnet.prefix();
    }

    private static RpcException fail(String message) {
        return new RpcException(ErrorCode.OPERATION_FAILED, message);
    }
}
