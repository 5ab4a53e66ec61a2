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
        SshInfo i = env.call("vm.ssh", new VmNameParams(vm), SshInfo.class);
        List<String> argv = new ArrayList<>();
        if (i.netns() != null) {
            // the guest's address exists only inside that namespace (a test/confinement set-up; needs root)
            argv.addAll(List.of("nsenter", "--net=/run/netns/" + i.netns()));
        }
        argv.addAll(List.of("ssh", "-i", i.identity(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + i.knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "GlobalKnownHostsFile=/dev/null", "-p", Integer.toString(i.port()), i.user() + "@" + i.host()));
        if (command != null && !command.isEmpty()) {
            argv.add("--");
            argv.addAll(command);
        }
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }
}
