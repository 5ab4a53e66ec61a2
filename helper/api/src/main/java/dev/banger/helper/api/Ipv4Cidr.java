package dev.banger.helper.api;

import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.wire.RpcException;

/** An IPv4 address with a prefix length, e.g. a bridge's {@code 172.16.0.1/24}. */
public record Ipv4Cidr(int address, int prefix) {
    public static Ipv4Cidr parse(String value, String field) {
        Params.required(value, field);
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw RpcException.badRequest(field + ": expected ADDRESS/PREFIX, got " + InterfaceName.quote(value));
        }
        int address = Ipv4.parse(value.substring(0, slash), field);
        String p = value.substring(slash + 1);
        if (!p.matches("0|[1-9][0-9]?")) {
            throw RpcException.badRequest(field + ": prefix length must be a number, got " + InterfaceName.quote(p));
        }
        int prefix = Integer.parseInt(p);
        if (prefix > 32) {
            throw RpcException.badRequest(field + ": prefix length must be at most 32, got " + prefix);
        }
        return new Ipv4Cidr(address, prefix);
    }

    public int network() {
        return address & Ipv4.mask(prefix);
    }

    public int broadcast() {
        return network() | ~Ipv4.mask(prefix);
    }

    public boolean contains(int other) {
        return (other & Ipv4.mask(prefix)) == network();
    }

    /** True if {@code other}'s whole network lies inside this one. */
    public boolean containsNetwork(Ipv4Cidr other) {
        return other.prefix >= prefix && contains(other.network());
    }

    @Override
    public String toString() {
        return Ipv4.format(address) + "/" + prefix;
    }
}
