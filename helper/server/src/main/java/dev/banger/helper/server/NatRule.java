package dev.banger.helper.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule in banger's nftables table. Every rule banger adds carries a comment naming the tap
 * and guest it belongs to; that comment is the key disable and list work from, so nothing else
 * (no state file) has to remember what was installed.
 */
public record NatRule(String chain, long handle, String comment) {
    private static final Pattern TAG = Pattern.compile("banger-nat tap=([a-z0-9_-]+) guest=([0-9.]+) bridge=([a-z0-9_-]+)");

    public static String tag(String tap, String guestIp, String bridge) {
        return "banger-nat tap=" + tap + " guest=" + guestIp + " bridge=" + bridge;
    }

    /** The (tap, guest, bridge) this rule was installed for, if it is one of ours. */
    public Optional<String[]> owner() {
        Matcher m = comment == null ? null : TAG.matcher(comment);
        return m != null && m.matches() ? Optional.of(new String[] {m.group(1), m.group(2), m.group(3)}) : Optional.empty();
    }

    public boolean belongsTo(String tap, String guestIp) {
        return owner().map(o -> o[0].equals(tap) && o[1].equals(guestIp)).orElse(false);
    }
}
