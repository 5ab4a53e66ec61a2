package dev.banger.helper.server;

import dev.banger.helper.api.ResolverResult;
import dev.banger.helper.api.ResolverRouteParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * priv.resolver.route / clear: route the {@code .vm} domain on a bridge's link to the daemon's
 * DNS listener through systemd-resolved. Hosts without resolved get a clear "not supported"
 * error; the daemon's docs list other ways to reach its DNS listener.
 */
public final class ResolverOps {
    static final String DOMAIN = "~vm";
    private static final Path RESOLVED_RUNTIME = Path.of("/run/systemd/resolve");
    private final HostCommands cmd;
    private final Links links;
    private final ArgumentPolicy policy;
    private final String bridgePrefix;

    public ResolverOps(HostCommands cmd, Links links, ArgumentPolicy policy, String bridgePrefix) {
        this.cmd = cmd;
        this.links = links;
        this.policy = policy;
        this.bridgePrefix = bridgePrefix;
    }

    public ResolverResult route(ResolverRouteParams p) {
        String bridge = policy.managedName(p.bridge(), "params.bridge");
        requireSupport();
        Link link = links.find(bridge).orElseThrow(() -> RpcException.notFound("bridge " + bridge + " does not exist"));
        if (!link.isBridge()) {
            throw new RpcException(ErrorCode.CONFLICT, bridge + " is a " + link.kind() + ", not a bridge");
        }
        cmd.run("resolvectl", null, "dns", bridge, p.dnsAddr());
        cmd.run("resolvectl", null, "domain", bridge, DOMAIN);
        return new ResolverResult(List.of(bridge));
    }

    /** Reverts resolved's per-link settings on every managed interface, so no state file is needed. */
    public ResolverResult clear() {
        requireSupport();
        List<String> reverted = new ArrayList<>();
        for (String name : links.all()) {
            if (name.startsWith(bridgePrefix)) {
                cmd.run("resolvectl", null, "revert", name);
                reverted.add(name);
            }
        }
        return new ResolverResult(reverted);
    }

    private void requireSupport() {
        String why = null;
        if (cmd.inNamespace()) {
            why = "systemd-resolved serves the host's namespace only, and this helper works in a network namespace";
        } else if (Binaries.find("resolvectl").isEmpty()) {
            why = "resolvectl is not installed";
        } else if (!Files.isDirectory(RESOLVED_RUNTIME)) {
            why = "systemd-resolved is not running";
        }
        if (why != null) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "routing .vm through systemd-resolved is not supported on this host: "
                    + why + "; see docs/privileges.md for other ways to reach the daemon's DNS listener");
        }
    }
}
