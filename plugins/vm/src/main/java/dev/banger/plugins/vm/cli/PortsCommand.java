package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.vm.api.VmNameParams;
import dev.banger.plugins.vm.api.VmPortsResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ports", description = "List the TCP and UDP ports listening in a running VM's guest.",
        footer = {"", "Examples:", "  banger vm ports dev", "  banger vm forward add dev 8080    # then reach one from the host"})
final class PortsCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(paramLabel = "NAME")
    String name;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    PortsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        VmPortsResult r = env.call("vm.ports", new VmNameParams(name), VmPortsResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("PROTO", "ADDRESS", "PORT", "PROCESS");
        r.ports().forEach(p -> t.row(p.proto(), p.address(), p.port(), p.process()));
        t.print(env.out());
        return 0;
    }
}
