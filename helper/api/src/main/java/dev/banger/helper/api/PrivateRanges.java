package dev.banger.helper.api;

/**
 * The address space banger may put on a bridge or NAT for a guest: RFC 1918 and the RFC 6598
 * shared space. Anything else could shadow real destinations on the host's network.
 */
public final class PrivateRanges {
    private static final Ipv4Cidr[] RANGES = {
        Ipv4Cidr.parse("10.0.0.0/8", "private"),
        Ipv4Cidr.parse("172.16.0.0/12", "private"),
        Ipv4Cidr.parse("192.168.0.0/16", "private"),
        Ipv4Cidr.parse("100.64.0.0/10", "private"),
    };

    private PrivateRanges() {
    }

    /** True if the whole of {@code cidr}'s network lies inside one private range. */
    public static boolean contains(Ipv4Cidr cidr) {
        for (Ipv4Cidr range : RANGES) {
            if (range.containsNetwork(cidr)) {
                return true;
            }
        }
        return false;
    }

    public static boolean contains(int address) {
        for (Ipv4Cidr range : RANGES) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public static String describe() {
        return "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10";
    }
}
