package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmExecParams;
import dev.banger.plugins.vm.api.VmKillParams;
import dev.banger.plugins.vm.api.VmNamesParams;
import java.util.List;

/** What {@code vm run} does with a ready VM: the AfterReady step, then nothing (-d), CMD over vm.exec, or a shell; then --rm's delete. */
final class RunSession {
    private final CliEnvironment env;
    private final String vm;
    private final boolean rm;
    private boolean deleted;

    RunSession(CliEnvironment env, String vm, boolean rm) {
        this.env = env;
        this.vm = vm;
        this.rm = rm;
    }

    /**
     * Runs {@code afterReady} (inside --rm's reach), then the rest; returns the exit code banger exits with: CMD's,
     * or ssh's for a shell, 0 when detached.
     */
    int run(AfterReady afterReady, boolean detach, List<String> command) throws Exception {
        if (detach) {
            String cwd = afterReady.run(env, vm);
            env.out().println(vm);
            env.err().println(vm + " is running: `banger vm ssh " + vm + "`, `banger vm exec " + vm + (cwd != null ? " --cwd " + cwd : "")
                    + " -- CMD`, `banger vm delete " + vm + "`");
            return 0;
        }
        Thread onExit = new Thread(this::deleteOnInterrupt, "vm-run-rm");
        if (rm) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
        try {
            String cwd = afterReady.run(env, vm);
            if (!command.isEmpty()) {
                return exec(command, cwd);
            }
            int code = cwd == null ? SshSession.open(env, vm, List.of()) : SshSession.shellIn(env, vm, cwd);
            if (!rm) {
                env.err().println(vm + " is still running: reconnect with `banger vm ssh " + vm + "`; `banger vm stop " + vm
                        + "` or `banger vm delete " + vm + "` when done");
            }
            return code;
        } finally {
            if (rm) {
                removeHook(onExit);
                delete(env);
            }
        }
    }

    /** Ctrl-C or SIGTERM while CMD runs ends this process: --rm still holds, over a second connection (the first is busy streaming). */
    private void deleteOnInterrupt() {
        env.err().println(System.lineSeparator() + "banger: interrupted; deleting " + vm + " (--rm)");
        delete(env.separate());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already deleting the VM
        }
    }

    private int exec(List<String> command, String cwd) {
        var result = env.stream("vm.exec", new VmExecParams(vm, command, null, cwd), e -> {
            var sink = e.path("stream").asText().equals("stderr") ? env.err() : env.out();
            sink.print(e.path("data").asText());
            sink.flush();
        });
        return result.path("exit_code").asInt();
    }

    /**
     * Kill first: the disks go with the VM, so the guest's clean poweroff (what vm.delete does to a running VM,
     * seconds under TCG) buys nothing. A failed delete must not hide the command's exit code: it is reported.
     */
    private synchronized void delete(CliEnvironment via) {
        if (deleted) {
            return;
        }
        deleted = true;
        try {
            via.call("vm.kill", new VmKillParams(List.of(vm), null), Object.class);
        } catch (RpcException alreadyDown) {
            // not running any more (the guest powered itself off): delete still removes it
        }
        try {
            via.call("vm.delete", new VmNamesParams(List.of(vm), null), Object.class);
            env.err().println("deleted " + vm);
        } catch (RpcException e) {
            env.err().println("banger: could not delete " + vm + " (--rm): " + e.getMessage() + "; `banger vm delete " + vm + "`");
        }
    }
}
