package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine;

/** `banger vm ...` and `banger ssh-config`. */
@Extension
public final class VmCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        // the commands beyond create/list/start/stop/... are classes of their own, mounted beside them
        CommandLine vm = new CommandLine(new VmCommand(env))
                .addSubcommand(new ExecCommand(env)).addSubcommand(new SshCommand(env)).addSubcommand(new LogsCommand(env))
                .addSubcommand(new SetCommand(env)).addSubcommand(new PruneCommand(env)).addSubcommand(new HealthCommand(env))
                .addSubcommand(new PortsCommand(env)).addSubcommand(new ForwardCommand(env)).addSubcommand(new RunCommand(env))
                .addSubcommand(new WorkspaceCommand(env));
        return List.of(vm, new CommandLine(new SshConfigCommand(env)));
    }
}
