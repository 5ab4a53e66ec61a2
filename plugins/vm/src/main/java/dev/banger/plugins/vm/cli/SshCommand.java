package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.api.VmNameParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ssh", description = "Open an ssh session in a running VM, with banger's key and known_hosts.",
        footer = {"", "Examples:", "  banger vm ssh dev", "  banger vm ssh dev -- htop"})
final class SshCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*")
    List<String> command;

    SshCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        SshInfo i = env.call("vm.ssh", new VmNameParams(name), SshInfo.class);
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
