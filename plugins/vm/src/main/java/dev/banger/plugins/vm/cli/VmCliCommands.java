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
        CommandLine vm = new CommandLine(new VmCommand(env));
        // exec/ssh/logs are written in their own class; mount them as siblings of create/list/...
        new CommandLine(new GuestCommands(env)).getSubcommands().forEach(vm::addSubcommand);
        return List.of(vm);
    }
}
