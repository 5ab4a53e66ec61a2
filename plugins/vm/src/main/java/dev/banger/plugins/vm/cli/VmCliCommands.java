package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine;

/** `banger vm ...`. */
@Extension
public final class VmCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        // exec/ssh/logs talk to the guest and are classes of their own, mounted beside create/list/...
        CommandLine vm = new CommandLine(new VmCommand(env))
                .addSubcommand(new ExecCommand(env)).addSubcommand(new SshCommand(env)).addSubcommand(new LogsCommand(env));
        return List.of(vm);
    }
}
