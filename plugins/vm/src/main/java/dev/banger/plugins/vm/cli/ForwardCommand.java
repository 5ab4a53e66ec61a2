package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.vm.api.VmForwardAddParams;
import dev.banger.plugins.vm.api.VmForwardRemoveParams;
import dev.banger.plugins.vm.api.VmForwards;
import dev.banger.plugins.vm.api.VmNameParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "forward", description = "Forward 127.0.0.1 ports to a VM's guest ports (kept across restarts).",
        footer = {"", "Examples:", "  banger vm forward add dev 8080                 # a free host port",
                "  banger vm forward add dev 8080 --host-port 18080", "  banger vm forward list dev",
                "  banger vm forward remove dev 18080"})
final class ForwardCommand {
    private final CliEnvironment env;

    ForwardCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "add", description = "Forward 127.0.0.1:HOST_PORT to GUEST_PORT in the VM; now if it runs, and at every start.")
    int add(@Parameters(index = "0", paramLabel = "NAME") String name, @Parameters(index = "1", paramLabel = "GUEST_PORT") int guestPort,
            @Option(names = "--host-port", description = "The 127.0.0.1 port (default: a free one).") Integer hostPort,
            @Option(names = "--json", description = "Print JSON.") boolean json) {
        VmForwards r = env.call("vm.forward.add", new VmForwardAddParams(name, guestPort, hostPort), VmForwards.class);
        if (json) {
            env.printJson(r);
        } else {
            env.out().printf("127.0.0.1:%d -> %s:%d%n", r.changed().hostPort(), name, r.changed().guestPort());
        }
        return 0;
    }

    @Command(name = "remove", description = "Stop forwarding 127.0.0.1:HOST_PORT (the ssh forward stays).")
    int remove(@Parameters(index = "0", paramLabel = "NAME") String name, @Parameters(index = "1", paramLabel = "HOST_PORT") int hostPort) {
        VmForwards r = env.call("vm.forward.remove", new VmForwardRemoveParams(name, hostPort), VmForwards.class);
        env.out().printf("removed 127.0.0.1:%d -> %s:%d%n", r.changed().hostPort(), name, r.changed().guestPort());
        return 0;
    }

    @Command(name = "list", description = "List a VM's forwards.")
    int list(@Parameters(paramLabel = "NAME") String name, @Option(names = "--json", description = "Print JSON.") boolean json) {
        VmForwards r = env.call("vm.forward.list", new VmNameParams(name), VmForwards.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("HOST", "GUEST PORT", "NOTE");
        r.forwards().forEach(f -> t.row("127.0.0.1:" + f.hostPort(), f.guestPort(), f.ssh() ? "ssh (banger's own)" : null));
        t.print(env.out());
        return 0;
    }
}
