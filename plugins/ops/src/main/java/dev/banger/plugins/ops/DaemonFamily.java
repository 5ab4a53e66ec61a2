package dev.banger.plugins.ops;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.PluginInfo;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.plugins.ops.api.PingResult;
import dev.banger.plugins.ops.api.PluginsListResult;
import dev.banger.plugins.ops.api.ShutdownResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pf4j.Extension;

/** daemon.*: what the daemon says about itself. Operations have their own class. */
@Extension
public final class DaemonFamily implements RpcFamily {
    @Override
    public String family() {
        return "daemon";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(
                Method.of("daemon.ping", NoParams.class, PingResult.class, (ctx, p) -> ping(ctx)),
                Method.of("daemon.shutdown", NoParams.class, ShutdownResult.class, (ctx, p) -> shutdown(ctx)),
                Method.of("daemon.plugins.list", NoParams.class, PluginsListResult.class,
                        (ctx, p) -> new PluginsListResult(ctx.kernel().plugins())),
                OperationMethods.list(), OperationMethods.get(), OperationMethods.await(), OperationMethods.cancel());
    }

    private static PingResult ping(CallContext ctx) {
        var k = ctx.kernel();
        List<String> started = k.plugins().stream().filter(p -> p.state().equals("started")).map(PluginInfo::id).toList();
        return new PingResult(k.version(), k.pid(), Duration.between(k.startedAt(), Instant.now()).toMillis(), started);
    }

    private static ShutdownResult shutdown(CallContext ctx) {
        ctx.log().info("shutdown requested over RPC");
        ctx.kernel().requestShutdown();
        return new ShutdownResult("stopping");
    }
}
