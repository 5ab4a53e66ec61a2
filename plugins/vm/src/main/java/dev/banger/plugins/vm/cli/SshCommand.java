package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
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
        return SshSession.open(env, name, command);
    }
}
