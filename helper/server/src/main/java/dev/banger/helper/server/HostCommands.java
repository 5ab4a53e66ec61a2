package dev.banger.helper.server;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the helper's commands in the right network namespace: the host's, or the configured one
 * through {@code ip netns exec NS}, which also gives the command that namespace's /sys and
 * sysctls. A failing command becomes operation_failed carrying its stderr.
 */
public final class HostCommands {
    private final CommandRunner runner;
    private final String netns;

    public HostCommands(CommandRunner runner, String netns) {
        this.runner = runner;
        this.netns = netns;
    }

    public boolean inNamespace() {
        return netns != null;
    }

    /** Runs {@code program args...}; the result whatever the exit status. */
    public CommandResult attempt(String program, String stdin, String... args) {
        return runner.run(argv(program, args), stdin);
    }

    /** Runs {@code program args...} and insists on exit status 0. */
    public CommandResult run(String program, String stdin, String... args) {
        CommandResult r = attempt(program, stdin, args);
        if (!r.ok()) {
            throw failed(r);
        }
        return r;
    }

    public static RpcException failed(CommandResult r) {
        String err = r.stderr().strip();
        return new RpcException(ErrorCode.OPERATION_FAILED, String.join(" ", r.argv()) + " failed (exit " + r.exit() + "): "
                + (err.isEmpty() ? r.stdout().strip() : err));
    }

    List<String> argv(String program, String... args) {
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of(Binaries.path("ip"), "netns", "exec", netns));
        }
        argv.add(Binaries.path(program));
        argv.addAll(List.of(args));
        return argv;
    }
}
