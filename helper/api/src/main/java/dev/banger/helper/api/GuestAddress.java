package dev.banger.helper.api;

import dev.banger.kernel.api.wire.RpcException;

/** A guest's IPv4 address (no prefix): must be private, so NAT never masquerades someone else's traffic. */
public final class GuestAddress {
    private GuestAddress() {
    }

    public static int check(String value, String field) {
        int address = Ipv4.parse(value, field);
        if (!PrivateRanges.contains(address)) {
            throw RpcException.badRequest(field + ": " + value + " is not private; guests live in "
                    + PrivateRanges.describe());
        }
        return address;
    }
}
