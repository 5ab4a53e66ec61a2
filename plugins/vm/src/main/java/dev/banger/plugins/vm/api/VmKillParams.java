package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.Set;

/** vm.kill: ends the VMM at once with {@code signal} (KILL by default, or TERM/INT/HUP/QUIT). */
public record VmKillParams(List<String> names, String signal) {
    private static final Set<String> SIGNALS = Set.of("KILL", "TERM", "INT", "HUP", "QUIT");

    public VmKillParams {
        new VmNamesParams(names, null);
        if (signal != null && !SIGNALS.contains(signal)) {
            throw RpcException.badRequest("params.signal: must be one of " + SIGNALS + ", got " + signal);
        }
    }

    public String effectiveSignal() {
        return signal == null ? "KILL" : signal;
    }
}
