package dev.banger.plugins.vm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.cli.Sizes;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.vm.api.BackendReport;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.api.VmDnsInfo;
import dev.banger.plugins.vm.api.VmKillParams;
import dev.banger.plugins.vm.api.VmListResult;
import dev.banger.plugins.vm.api.VmNameParams;
import dev.banger.plugins.vm.api.VmNamesParams;
import dev.banger.plugins.vm.api.VmResults;
import dev.banger.plugins.vm.api.VmSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vm", description = "microVM sandboxes: run, create, start, stop, set, exec, ssh, logs, ports, forward, workspace, health, dns, delete, prune.",
        footer = {"", "Examples:", "  banger vm run                               # a shell in a fresh VM (image and kernel fetched on first use)",
                "  banger vm run --rm -- uname -a              # run one command in a throwaway VM, exit with its code",
                "  banger vm create --name dev                 # default image debian-bookworm, kernel debian-cloud",
                "  banger vm exec dev -- uname -r", "  banger vm ssh dev", "  banger vm logs dev -f", "  banger vm stop dev && banger vm delete dev",
                "  banger vm create --name web --network bridge --nat   # own address on the bridge, via bangerd-root",
                "  banger vm forward add dev 8080", "  banger vm list --json"})
final class VmCommand {
    private final CliEnvironment env;

    VmCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create a VM and (unless --no-start) boot it until ssh answers.")
    int create(@Option(names = "--name", description = "VM name (default: generated).") String name,
               @Option(names = "--image", description = "Image (default debian-bookworm).") String image,
               @Option(names = "--kernel", description = "Kernel (default debian-cloud).") String kernel,
               @Option(names = "--vcpu", description = "vCPUs.") Integer vcpu,
               @Option(names = "--memory", description = "Memory, e.g. 1024M or 2G.") String memory,
               @Option(names = "--disk-size", description = "Work disk size, e.g. 8G.") String disk,
               @Option(names = "--network", description = "user (default) or bridge (needs bangerd-root).") String network,
               @Option(names = "--nat", description = "Bridge VMs: NAT the guest's outbound traffic (through bangerd-root).") boolean nat,
               @Option(names = "--no-start", description = "Create the disks but do not boot.") boolean noStart,
               @Option(names = {"-d", "--detach"}, description = "Print the operation id and return at once.") boolean detach,
               @Option(names = "--json", description = "Print the VM as JSON.") boolean json) {
        long start = System.nanoTime();
        Integer mib = MemoryOption.mib(memory);
        Long diskBytes = disk == null ? null : Sizes.parse(disk, "--disk-size");
        VmCreateParams p = new VmCreateParams(name, image, kernel, vcpu, mib, diskBytes, network, nat ? Boolean.TRUE : null, noStart ? Boolean.TRUE : null, null);
        JsonNode done = new OperationFollower(env).run("vm.create.begin", p, detach);
        if (detach) {
            return 0;
        }
        // the operation's subject is the VM's name, also when the daemon generated it
        VmSummary vm = env.call("vm.show", new VmNameParams(done.path("subject").asText()), VmSummary.class);
        if (json) {
            env.printJson(vm);
        } else {
            String ssh = "bridge".equals(vm.network()) ? sshAddress(vm) + ", " + vm.name() + ".vm" : sshAddress(vm);
            env.out().printf("%s %s (ssh %s) ready in %s%n", vm.name(), vm.state(), ssh, OperationFollower.seconds(System.nanoTime() - start));
        }
        return 0;
    }

    /** User networking: the forwarded port on 127.0.0.1; bridge networking: the guest's own address, port 22. */
    private static String sshAddress(VmSummary v) {
        if ("bridge".equals(v.network())) {
            return v.ip() + ":22";
        }
        return v.sshPort() == null ? null : "127.0.0.1:" + v.sshPort();
    }

    @Command(name = "list", description = "List VMs.")
    int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
        VmListResult r = env.call("vm.list", new NoParams(), VmListResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("NAME", "STATE", "IMAGE", "VCPU", "MEMORY", "SSH", "BACKEND", "CREATED");
        r.vms().forEach(v -> t.row(v.name(), v.state(), v.image(), v.vcpu(), v.memoryMib() + " MiB",
                sshAddress(v), v.backend(), v.createdAt()));
        t.print(env.out());
        return 0;
    }

    @Command(name = "show", description = "Show one VM.")
    int show(@Parameters(paramLabel = "NAME") String name, @Option(names = "--json", description = "Print JSON.") boolean json) {
        VmSummary v = env.call("vm.show", new VmNameParams(name), VmSummary.class);
        if (json) {
            env.printJson(v);
            return 0;
        }
        env.out().printf("name:     %s%nstate:    %s%nimage:    %s (kernel %s)%nsize:     %d vcpu, %d MiB, %s work disk%nnetwork:  %s, ip %s, ssh %s%nbackend:  %s (pid %s)%ncreated:  %s%n",
                v.name(), v.state(), v.image(), v.kernel(), v.vcpu(), v.memoryMib(), Sizes.human(v.diskBytes()), v.network(), v.ip(),
                sshAddress(v), v.backend(), v.pid() == null ? "-" : v.pid(), v.createdAt());
        if (v.lastError() != null) {
            env.out().println("error:    " + v.lastError());
        }
        return 0;
    }

    @Command(name = "start", description = "Boot stopped VMs.")
    int start(@Parameters(paramLabel = "NAME", arity = "1..*") List<String> names) {
        return print(env.call("vm.start", new VmNamesParams(names, null), VmResults.class));
    }

    @Command(name = "stop", description = "Stop VMs: poweroff in the guest, then a hard stop after the timeout.")
    int stop(@Parameters(paramLabel = "NAME", arity = "1..*") List<String> names,
             @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for the guest (default ${DEFAULT-VALUE}).") long seconds) {
        return print(env.call("vm.stop", new VmNamesParams(names, seconds * 1000), VmResults.class));
    }

    @Command(name = "restart", description = "Stop then start VMs.")
    int restart(@Parameters(paramLabel = "NAME", arity = "1..*") List<String> names) {
        return print(env.call("vm.restart", new VmNamesParams(names, null), VmResults.class));
    }

    @Command(name = "kill", description = "End VMs' VMM processes at once.")
    int kill(@Parameters(paramLabel = "NAME", arity = "1..*") List<String> names,
             @Option(names = "--signal", defaultValue = "KILL", description = "KILL, TERM, INT, HUP or QUIT.") String signal) {
        return print(env.call("vm.kill", new VmKillParams(names, signal), VmResults.class));
    }

    @Command(name = "delete", description = "Delete VMs: stop them, remove their tap and NAT rules, disks, sockets and known_hosts entries.")
    int delete(@Parameters(paramLabel = "NAME", arity = "1..*") List<String> names) {
        VmResults r = env.call("vm.delete", new VmNamesParams(names, null), VmResults.class);
        r.vms().forEach(v -> env.out().println("deleted " + v.name()));
        return 0;
    }

    @Command(name = "backends", description = "Which VM backends apply on this host, and why not.")
    int backends(@Option(names = "--json", description = "Print JSON.") boolean json) {
        BackendReport r = env.call("vm.backends", new NoParams(), BackendReport.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("BACKEND", "PRIORITY", "APPLIES", "WHY");
        r.backends().forEach(b -> t.row(b.name(), b.priority(), b.applicable() ? "yes" : "no", b.reason()));
        t.print(env.out());
        return 0;
    }

    @Command(name = "dns", description = "Where the daemon answers DNS for NAME.vm (bridge VMs), e.g. for dig or a resolver's forward.")
    int dns(@Option(names = "--json", description = "Print JSON.") boolean json) {
        VmDnsInfo d = env.call("vm.dns", new NoParams(), VmDnsInfo.class);
        if (json) {
            env.printJson(d);
            return 0;
        }
        env.out().printf("%s:%d (zone .%s; port file %s)%n  try: dig @%s -p %d NAME.%s%n", d.address(), d.port(), d.zone(), d.portFile(),
                d.address(), d.port(), d.zone());
        return 0;
    }

    private int print(VmResults r) {
        r.vms().forEach(v -> env.out().println(v.name() + " " + v.state()));
        return 0;
    }
}
