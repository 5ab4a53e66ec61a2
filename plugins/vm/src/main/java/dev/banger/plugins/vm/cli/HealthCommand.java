package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmHealth;
import dev.banger.plugins.vm.api.VmNameParams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "health", description = "Ask a VM's VMM and its guest's sshd how they are; exits 1 unless both answer.",
        footer = {"", "Examples:", "  banger vm health dev", "  banger vm health dev --json"})
final class HealthCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(paramLabel = "NAME")
    String name;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    HealthCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VmHealth h = env.call("vm.health", new VmNameParams(name), VmHealth.class);
        if (json) {
            env.printJson(h);
        } else {
            env.out().printf("state: %s%nvmm:   %s%nssh:   %s%n", h.state(), h.vmm(), h.ssh() ? "answers" : "does not answer");
        }
        // scripts can wait on it: `until banger vm health dev >/dev/null; do sleep 1; done`
        return h.ssh() && h.vmm().equals("running") ? 0 : 1;
    }
}
