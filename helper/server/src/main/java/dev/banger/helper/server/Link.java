package dev.banger.helper.server;

/** One network interface as {@code ip -d -j link show} reports it; {@code master} null when unattached. */
public record Link(String name, String kind, String master, boolean up) {
    public boolean isBridge() {
        return "bridge".equals(kind);
    }

    public boolean isTap() {
        return "tap".equals(kind);
    }
}
