package dev.banger.helper.server;

import dev.banger.helper.api.BridgeEnsureParams;
import dev.banger.helper.api.HelperMethods;
import dev.banger.helper.api.LinkNameParams;
import dev.banger.helper.api.NatParams;
import dev.banger.helper.api.PingResult;
import dev.banger.helper.api.ResolverRouteParams;
import dev.banger.helper.api.TapCreateParams;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.core.BuildInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The helper's complete allow-list, wired to the operations for one configuration. Fixed at start. */
public final class MethodTable {
    private final Map<String, PrivMethod<?>> methods;

    private MethodTable(List<PrivMethod<?>> list) {
        this.methods = list.stream().collect(Collectors.toUnmodifiableMap(PrivMethod::name, Function.identity()));
    }

    public static MethodTable forConfig(HelperConfig config, CommandRunner runner) {
        HostCommands cmd = new HostCommands(runner, config.netns());
        Links links = new Links(cmd);
        ArgumentPolicy policy = new ArgumentPolicy(config);
        BridgeOps bridges = new BridgeOps(cmd, links, policy);
        TapOps taps = new TapOps(cmd, links, policy, config.ownerGid());
        NatOps nat = new NatOps(new NftTable(cmd), links, new IpForwarding(cmd), policy);
        ResolverOps resolver = new ResolverOps(cmd, links, policy, config.bridgePrefix());
        PingResult ping = new PingResult("bangerd-root", BuildInfo.version(), config.ownerUid(), config.bridgePrefix(),
                config.subnet().toString(), config.netns());
        return new MethodTable(List.of(
                new PrivMethod<>(HelperMethods.PING, NoParams.class, p -> ping),
                new PrivMethod<>(HelperMethods.BRIDGE_ENSURE, BridgeEnsureParams.class, bridges::ensure),
                new PrivMethod<>(HelperMethods.BRIDGE_DELETE, LinkNameParams.class, bridges::delete),
                new PrivMethod<>(HelperMethods.TAP_CREATE, TapCreateParams.class, taps::create),
                new PrivMethod<>(HelperMethods.TAP_DELETE, LinkNameParams.class, taps::delete),
                new PrivMethod<>(HelperMethods.NAT_ENABLE, NatParams.class, nat::enable),
                new PrivMethod<>(HelperMethods.NAT_DISABLE, NatParams.class, nat::disable),
                new PrivMethod<>(HelperMethods.NAT_LIST, NoParams.class, p -> nat.list()),
                new PrivMethod<>(HelperMethods.RESOLVER_ROUTE, ResolverRouteParams.class, resolver::route),
                new PrivMethod<>(HelperMethods.RESOLVER_CLEAR, NoParams.class, p -> resolver.clear())));
    }

    public Optional<PrivMethod<?>> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public Set<String> names() {
        return methods.keySet();
    }
}
