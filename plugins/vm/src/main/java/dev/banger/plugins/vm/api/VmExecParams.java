package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.util.List;

/**
 * vm.exec: {@code argv} runs in the guest as root (quoted safely, no shell unless you ask for one), in
 * {@code cwd} when given (an absolute guest path, e.g. {@code /root/repo} after vm.workspace.prepare).
 */
public record VmExecParams(String name, List<String> argv, Long timeoutMs, String cwd) {
    public VmExecParams {
        new VmNameParams(name);
        if (argv == null || argv.isEmpty()) {
            throw RpcException.badRequest("params.argv: a command is required");
        }
        if (cwd != null && (!cwd.startsWith("/") || cwd.indexOf('\0') >= 0)) {
            throw RpcException.badRequest("params.cwd: must be an absolute path in the guest, got '" + cwd + "'");
        }
    }

    /** Without a working directory (root's home), as callers written before {@code cwd} existed build it. */
    public VmExecParams(String name, List<String> argv, Long timeoutMs) {
        this(name, argv, timeoutMs, null);
    }
}
