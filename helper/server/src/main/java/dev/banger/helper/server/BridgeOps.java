package dev.banger.helper.server;

import dev.banger.helper.api.BridgeEnsureParams;
import dev.banger.helper.api.BridgeResult;
import dev.banger.helper.api.DeleteResult;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.LinkNameParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.Optional;

/** priv.bridge.ensure / priv.bridge.delete: both idempotent, both refuse interfaces that are not banger bridges. */
public final class BridgeOps {
    private final HostCommands cmd;
    private final Links links;
    private final ArgumentPolicy policy;

    public BridgeOps(HostCommands cmd, Links links, ArgumentPolicy policy) {
        this.cmd = cmd;
        this.links = links;
        this.policy = policy;
    }

    public BridgeResult ensure(BridgeEnsureParams p) {
        String name = policy.managedName(p.name(), "params.name");
        Ipv4Cidr cidr = policy.inSubnet(Ipv4Cidr.parse(p.cidr(), "params.cidr"), "params.cidr");
        Optional<Link> existing = links.find(name);
        if (existing.isPresent() && !existing.get().isBridge()) {
            throw new RpcException(ErrorCode.CONFLICT, name + " exists and is a " + existing.get().kind() + ", not a bridge");
        }
        if (existing.isEmpty()) {
            cmd.run("ip", null, "link", "add", "name", name, "type", "bridge");
            try {
                configure(name, cidr.toString(), false);
            } catch (RuntimeException e) {
                cmd.attempt("ip", null, "link", "del", "dev", name); // leave nothing half-made behind
                throw e;
            }
            return new BridgeResult(name, cidr.toString(), true);
        }
        return new BridgeResult(name, cidr.toString(), configure(name, cidr.toString(), existing.get().up()));
    }

    /** Puts the address on and brings the bridge up; true if anything had to change. */
    private boolean configure(String name, String cidr, boolean up) {
        boolean changed = false;
        List<String> addresses = links.ipv4Addresses(name);
        if (!addresses.contains(cidr)) {
            if (!addresses.isEmpty()) {
                throw new RpcException(ErrorCode.CONFLICT, name + " already carries " + String.join(", ", addresses)
                        + ", not " + cidr + "; delete the bridge first to re-address it");
            }
            cmd.run("ip", null, "addr", "add", cidr, "dev", name);
            changed = true;
        }
        if (!up) {
            cmd.run("ip", null, "link", "set", "dev", name, "up");
            changed = true;
        }
        return changed;
    }

    public DeleteResult delete(LinkNameParams p) {
        String name = policy.managedName(p.name(), "params.name");
        Optional<Link> existing = links.find(name);
        if (existing.isEmpty()) {
            return new DeleteResult(name, false);
        }
        if (!existing.get().isBridge()) {
            throw new RpcException(ErrorCode.CONFLICT, name + " is a " + existing.get().kind() + ", not a bridge; not deleting it");
        }
        List<String> ports = links.ports(name);
        if (!ports.isEmpty()) {
            // a VM may still be using them: deleting the bridge would cut it off silently
            throw new RpcException(ErrorCode.CONFLICT, name + " still has " + String.join(", ", ports) + " attached; delete those taps first");
        }
        cmd.run("ip", null, "link", "del", "dev", name);
        return new DeleteResult(name, true);
    }
}
