package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.vm.api.VmListResult;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `banger vm ...`. */
@Extension
public final class VmCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        return List.of(new VmCommand(env));
    }

    @Command(name = "vm", description = "microVM sandboxes.", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  banger vm list", "  banger vm list --json"})
    static final class VmCommand {
        private final CliEnvironment env;

        VmCommand(CliEnvironment env) {
            this.env = env;
        }

        @Command(name = "list", description = "List VMs.")
        int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
            VmListResult r = env.call("vm.list", new NoParams(), VmListResult.class);
            if (json) {
                env.printJson(r);
                return 0;
            }
            Table t = Table.of("NAME", "STATE", "IMAGE", "VCPU", "MEMORY", "BACKEND", "CREATED");
            r.vms().forEach(v -> t.row(v.name(), v.state(), v.image(), v.vcpu(), v.memoryMib() + " MiB", v.backend(), v.createdAt()));
            t.print(env.out());
            return 0;
        }
    }
}
