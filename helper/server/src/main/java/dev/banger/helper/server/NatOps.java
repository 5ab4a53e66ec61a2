package dev.banger.helper.server;

import dev.banger.helper.api.GuestAddress;
import dev.banger.helper.api.NatEntry;
import dev.banger.helper.api.NatListResult;
import dev.banger.helper.api.NatParams;
import dev.banger.helper.api.NatResult;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** priv.nat.enable / disable / list: a masquerade and two forward rules per guest, in banger's own table. */
public final class NatOps {
    private static final int RULES_PER_GUEST = 3;
    private final NftTable table;
    private final Links links;
    private final IpForwarding forwarding;
    private final ArgumentPolicy policy;

    public NatOps(NftTable table, Links links, IpForwarding forwarding, ArgumentPolicy policy) {
        this.table = table;
        this.links = links;
        this.forwarding = forwarding;
        this.policy = policy;
    }

    public NatResult enable(NatParams p) {
        String guest = checkedGuest(p);
        String tap = policy.managedName(p.tap(), "params.tap");
        Link link = links.find(tap).orElseThrow(() -> RpcException.notFound("tap " + tap + " does not exist; create it first"));
        if (!link.isTap() || link.master() == null) {
            throw new RpcException(ErrorCode.CONFLICT, tap + " is not a tap attached to a bridge");
        }
        List<NatRule> rules = table.rules();
        for (NatRule r : rules) {
            r.owner().filter(o -> o[1].equals(guest) && !o[0].equals(tap)).ifPresent(o -> {
                throw new RpcException(ErrorCode.CONFLICT, "guest " + guest + " already has NAT through tap " + o[0] + "; disable that first");
            });
        }
        List<NatRule> mine = rules.stream().filter(r -> r.belongsTo(tap, guest)).toList();
        boolean complete = mine.size() == RULES_PER_GUEST
                && mine.stream().allMatch(r -> r.owner().get()[2].equals(link.master()));
        if (!complete) {
            // partial or pointing at another bridge: replace, in the same transaction
            table.apply(NatScripts.enable(guest, tap, link.master(), mine));
        }
        forwarding.enable();
        return new NatResult(guest, tap, !complete);
    }

    public NatResult disable(NatParams p) {
        String guest = checkedGuest(p);
        String tap = policy.managedName(p.tap(), "params.tap");
        List<NatRule> rules = table.rules();
        List<NatRule> mine = rules.stream().filter(r -> r.belongsTo(tap, guest)).toList();
        if (mine.isEmpty()) {
            return new NatResult(guest, tap, false);
        }
        // the last guest out removes the table itself, so no banger chain is left hooked in
        table.apply(mine.size() == rules.size() ? NatScripts.dropTable() : NatScripts.delete(mine));
        return new NatResult(guest, tap, true);
    }

    public NatListResult list() {
        Set<String> seen = new LinkedHashSet<>();
        List<NatEntry> entries = new ArrayList<>();
        for (NatRule r : table.rules()) {
            r.owner().filter(o -> seen.add(o[0] + " " + o[1])).ifPresent(o -> entries.add(new NatEntry(o[1], o[0], o[2])));
        }
        return new NatListResult(entries);
    }

    private String checkedGuest(NatParams p) {
        policy.inSubnet(GuestAddress.check(p.guestIp(), "params.guest_ip"), "params.guest_ip");
        return p.guestIp();
    }
}
