package dev.banger.helper.server;

import dev.banger.helper.api.Ipv4;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.kernel.api.wire.RpcException;

/**
 * The checks that depend on this helper's configuration, on top of the shape checks the records
 * make: interfaces must carry the managed prefix (so the helper can never touch an interface it
 * did not make, like eth0), addresses must lie in the managed subnet, taps belong to the owner.
 */
public final class ArgumentPolicy {
    private final HelperConfig config;

    public ArgumentPolicy(HelperConfig config) {
        this.config = config;
    }

    public String managedName(String name, String field) {
        String prefix = config.bridgePrefix();
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            throw RpcException.badRequest(field + ": \"" + name + "\" is not a managed interface name; it must start with \""
                    + prefix + "\" followed by at least one character");
        }
        return name;
    }

    public Ipv4Cidr inSubnet(Ipv4Cidr cidr, String field) {
        if (!config.subnet().containsNetwork(cidr)) {
            throw RpcException.badRequest(field + ": " + cidr + " is outside the managed subnet " + config.subnet());
        }
        return cidr;
    }

    public int inSubnet(int address, String field) {
        if (!config.subnet().contains(address)) {
            throw RpcException.badRequest(field + ": " + Ipv4.format(address) + " is outside the managed subnet " + config.subnet());
        }
        return address;
    }

    public long owner(long uid, String field) {
        if (uid != config.ownerUid()) {
            throw RpcException.badRequest(field + ": " + uid + " is not the owner uid this helper serves");
        }
        return uid;
    }
}
