package dev.banger.helper.api;

import dev.banger.kernel.api.wire.RpcException;

/**
 * The address a bridge gets: a host address in a private network, prefix 16–30. Shorter prefixes
 * would claim far more of the private space than a VM bridge needs (and collide with LANs and
 * VPNs); longer ones leave no room for guests.
 */
public final class BridgeAddress {
    public static final int MIN_PREFIX = 16;
    public static final int MAX_PREFIX = 30;

    private BridgeAddress() {
    }

    public static Ipv4Cidr check(String value, String field) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(value, field);
        if (cidr.prefix() < MIN_PREFIX || cidr.prefix() > MAX_PREFIX) {
            throw RpcException.badRequest(field + ": prefix length must be " + MIN_PREFIX + "–" + MAX_PREFIX + ", got /"
                    + cidr.prefix());
        }
        if (!PrivateRanges.contains(cidr)) {
            throw RpcException.badRequest(field + ": " + value + " is not private; use an address in "
                    + PrivateRanges.describe());
        }
        if (cidr.address() == cidr.network() || cidr.address() == cidr.broadcast()) {
            throw RpcException.badRequest(field + ": " + value + " is the network or broadcast address; give the"
                    + " bridge's own host address, e.g. " + Ipv4.format(cidr.network() + 1) + "/" + cidr.prefix());
        }
        return cidr;
    }
}
