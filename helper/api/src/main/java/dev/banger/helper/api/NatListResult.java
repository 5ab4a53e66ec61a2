package dev.banger.helper.api;

import java.util.List;

/** {@code priv.nat.list}: what banger installed in its own nftables table, and nothing else. */
public record NatListResult(List<NatEntry> entries) {
    public NatListResult {
        entries = List.copyOf(entries);
    }
}
