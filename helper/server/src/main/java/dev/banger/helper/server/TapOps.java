package dev.banger.helper.server;

import dev.banger.helper.api.DeleteResult;
import dev.banger.helper.api.LinkNameParams;
import dev.banger.helper.api.TapCreateParams;
import dev.banger.helper.api.TapResult;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.Optional;

/**
 * priv.tap.create / priv.tap.delete. Taps are persistent and owned by the owner uid, so the
 * unprivileged VMM can open them later without any capability.
 */
public final class TapOps {
    private final HostCommands cmd;
    private final Links links;
    private final ArgumentPolicy policy;
    private final long ownerGid;

    public TapOps(HostCommands cmd, Links links, ArgumentPolicy policy, long ownerGid) {
        this.cmd = cmd;
        this.links = links;
        this.policy = policy;
        this.ownerGid = ownerGid;
    }

    public TapResult create(TapCreateParams p) {
        String name = policy.managedName(p.name(), "params.name");
        String bridge = policy.managedName(p.bridge(), "params.bridge");
        long uid = policy.owner(p.ownerUid(), "params.owner_uid");
        Link br = links.find(bridge).orElseThrow(() -> RpcException.notFound("bridge " + bridge + " does not exist; call priv.bridge.ensure first"));
        if (!br.isBridge()) {
            throw new RpcException(ErrorCode.CONFLICT, bridge + " is a " + br.kind() + ", not a bridge");
        }
        Optional<Link> existing = links.find(name);
        if (existing.isPresent()) {
            return new TapResult(name, bridge, uid, adopt(existing.get(), bridge, uid));
        }
        cmd.run("ip", null, "tuntap", "add", "dev", name, "mode", "tap", "user", Long.toString(uid), "group", Long.toString(ownerGid));
        try {
            attach(name, bridge);
        } catch (RuntimeException e) {
            cmd.attempt("ip", null, "link", "del", "dev", name); // leave nothing half-made behind
            throw e;
        }
        return new TapResult(name, bridge, uid, true);
    }

    /** An existing tap is fine if it is ours; it is (re)attached and brought up. True if anything changed. */
    private boolean adopt(Link tap, String bridge, long uid) {
        if (!tap.isTap()) {
            throw new RpcException(ErrorCode.CONFLICT, tap.name() + " exists and is a " + tap.kind() + ", not a tap");
        }
        long owner = links.tapOwner(tap.name());
        if (owner != uid) {
            throw new RpcException(ErrorCode.CONFLICT, tap.name() + " exists but is owned by uid " + owner + ", not " + uid);
        }
        if (bridge.equals(tap.master()) && tap.up()) {
            return false;
        }
        attach(tap.name(), bridge);
        return true;
    }

    private void attach(String name, String bridge) {
        cmd.run("ip", null, "link", "set", "dev", name, "master", bridge);
        cmd.run("ip", null, "link", "set", "dev", name, "up");
    }

    public DeleteResult delete(LinkNameParams p) {
        String name = policy.managedName(p.name(), "params.name");
        Optional<Link> existing = links.find(name);
        if (existing.isEmpty()) {
            return new DeleteResult(name, false);
        }
        if (!existing.get().isTap()) {
            throw new RpcException(ErrorCode.CONFLICT, name + " is a " + existing.get().kind() + ", not a tap; not deleting it");
        }
        cmd.run("ip", null, "link", "del", "dev", name);
        return new DeleteResult(name, true);
    }
}
