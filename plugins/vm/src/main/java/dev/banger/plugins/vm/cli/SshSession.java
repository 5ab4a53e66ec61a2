package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.api.VmNameParams;
import java.util.ArrayList;
import java.util.List;

/** The user's own ssh client on this terminal, pointed at a VM with banger's key and known_hosts (vm ssh, vm run). */
final class SshSession {
    private SshSession() {
    }

    /** Runs ssh (a shell, or {@code command} when not empty) and returns its exit code. */
    static int open(CliEnvironment env, String vm, List<String> command) throws Exception {
        return run(env, vm, false, command);
    }

    /** An interactive login shell that starts in the guest directory {@code dir} (vm run PATH: the workspace). */
    static int shellIn(CliEnvironment env, String vm, String dir) throws Exception {
        // a remote command gets no terminal unless asked for: -t, so the shell is interactive
        return run(env, vm, true, List.of(WorkspaceStep.loginShellIn(dir)));
    }

    private static int run(CliEnvironment env, String vm, boolean tty, List<String> command) throws Exception {
        SshInfo i = env.call("vm.ssh", new VmNameParams(vm), SshInfo.class);
        List<String> argv = new ArrayList<>();
        if (i.netns() != null) {
            // the guest's address exists only inside that namespace (a test/confinement set-up; needs root)
            argv.addAll(List.of("nsenter", "--net=/run/netns/" + i.netns()));
        }
        argv.add("ssh");
        if (tty) {
            argv.add("-t");
        }
        argv.addAll(List.of("-i", i.identity(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + i.knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "GlobalKnownHostsFile=/dev/null", "-p", Integer.toString(i.port()), i.user() + "@" + i.host()));
        if (command != null && !command.isEmpty()) {
            argv.add("--");
            argv.addAll(command);
        }
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }
}
