package dev.banger.helper.server;

import java.util.List;

/**
 * The nft scripts for one guest's NAT. Values reach here only after validation (dotted-quad
 * addresses, interface names of [a-z0-9_-]), so they cannot break out of the quoted strings.
 *
 * <p>The forward rules match the bridge, not the tap: for routed traffic the kernel reports the
 * bridge as the interface, never the bridge port. They are keyed on the tap through their comment.
 */
final class NatScripts {
    private static final String T = NftTable.QUALIFIED;

    private NatScripts() {
    }

    static String enable(String guest, String tap, String bridge, List<NatRule> stale) {
        String tag = "comment \"" + NatRule.tag(tap, guest, bridge) + "\"";
        StringBuilder s = new StringBuilder();
        s.append("add table ").append(T).append('\n');
        s.append("add chain ").append(T).append(" postrouting { type nat hook postrouting priority srcnat; policy accept; }\n");
        s.append("add chain ").append(T).append(" forward { type filter hook forward priority filter; policy accept; }\n");
        s.append(delete(stale));
        s.append("add rule ").append(T).append(" postrouting ip saddr ").append(guest).append(" oifname != \"")
                .append(bridge).append("\" masquerade ").append(tag).append('\n');
        s.append("add rule ").append(T).append(" forward iifname \"").append(bridge).append("\" ip saddr ").append(guest)
                .append(" accept ").append(tag).append('\n');
        s.append("add rule ").append(T).append(" forward oifname \"").append(bridge).append("\" ip daddr ").append(guest)
                .append(" ct state established,related accept ").append(tag).append('\n');
        return s.toString();
    }

    static String delete(List<NatRule> rules) {
        StringBuilder s = new StringBuilder();
        for (NatRule r : rules) {
            s.append("delete rule ").append(T).append(' ').append(r.chain()).append(" handle ").append(r.handle()).append('\n');
        }
        return s.toString();
    }

    static String dropTable() {
        return "delete table " + T + "\n";
    }
}
