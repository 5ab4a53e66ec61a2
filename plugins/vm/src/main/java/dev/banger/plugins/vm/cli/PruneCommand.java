package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmResults;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prune", description = "Delete every VM that is not running (created, stopped or failed), disks and all.",
        footer = {"", "Examples:", "  banger vm prune", "  banger vm prune --json"})
final class PruneCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--json", description = "Print the deleted VMs as JSON.")
    boolean json;

    PruneCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VmResults r = env.call("vm.prune", new NoParams(), VmResults.class);
        if (json) {
            env.printJson(r);
        } else if (r.vms().isEmpty()) {
            env.out().println("nothing to prune: every VM is running");
        } else {
            r.vms().forEach(v -> env.out().println("deleted " + v.name() + " (was " + v.state() + ")"));
        }
        return 0;
    }
}
