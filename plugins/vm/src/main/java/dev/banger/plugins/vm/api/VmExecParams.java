package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.util.List;

/** vm.exec: {@code argv} runs in the guest as root (quoted safely, no shell unless you ask for one). */
public record VmExecParams(String name, List<String> argv, Long timeoutMs) {
    public VmExecParams {
        new VmNameParams(name);
        if (argv == null || argv.isEmpty()) {
            throw RpcException.badRequest("params.argv: a command is required");
        }
    }
}
