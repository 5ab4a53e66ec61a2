package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.KernelInfo;
import dev.banger.kernel.api.Operations;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.core.ops.OperationRegistry;
import java.time.Clock;
import java.time.Duration;

/** Kernel services for dispatcher tests: a real operation registry, nothing else reachable. */
final class StubServices implements KernelServices {
    final OperationRegistry operations = new OperationRegistry(Clock.systemUTC(), Duration.ofHours(1), () -> false);

    @Override
    public Operations operations() {
        return operations;
    }

    @Override
    public KernelInfo kernel() {
        throw new UnsupportedOperationException("not in dispatcher tests");
    }

    @Override
    public PluginHome home(String pluginId) {
        throw new UnsupportedOperationException("not in dispatcher tests");
    }

    @Override
    public HelperClient helper(String opId) {
        throw new UnsupportedOperationException("not in dispatcher tests");
    }
}
