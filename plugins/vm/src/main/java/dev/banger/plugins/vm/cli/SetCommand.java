package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmSetParams;
import dev.banger.plugins.vm.api.VmSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set", description = "Change a stopped VM's vCPUs and memory (used from its next start).",
        footer = {"", "Examples:", "  banger vm stop dev && banger vm set dev --vcpu 4 --memory 4G && banger vm start dev",
                "  banger vm set dev --memory 512"})
final class SetCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(paramLabel = "NAME")
    String name;
    @Option(names = "--vcpu", description = "vCPUs (1-32).")
    Integer vcpu;
    @Option(names = "--memory", description = "Memory, e.g. 512 (MiB), 1536M or 2G (128 MiB - 64 GiB).")
    String memory;
    @Option(names = "--json", description = "Print the VM as JSON.")
    boolean json;

    SetCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VmSummary v = env.call("vm.set", new VmSetParams(name, vcpu, MemoryOption.mib(memory)), VmSummary.class);
        if (json) {
            env.printJson(v);
        } else {
            env.out().printf("%s: %d vcpu, %d MiB (%s)%n", v.name(), v.vcpu(), v.memoryMib(), v.state());
        }
        return 0;
    }
}
