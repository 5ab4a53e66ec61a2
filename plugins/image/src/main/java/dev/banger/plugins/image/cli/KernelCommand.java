package dev.banger.plugins.image.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.image.api.DeleteResult;
import dev.banger.plugins.image.api.KernelImportParams;
import dev.banger.plugins.image.api.KernelListResult;
import dev.banger.plugins.image.api.KernelPullParams;
import dev.banger.plugins.image.api.KernelSummary;
import dev.banger.plugins.image.api.NameParams;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kernel", description = "Guest kernels: pull Debian's cloud kernel, import your own, list, delete.",
        footer = {"", "Examples:", "  banger kernel pull debian-cloud", "  banger kernel import mine --kernel ./bzImage --initrd ./initrd.img",
                "  banger kernel list --json"})
final class KernelCommand {
    private final CliEnvironment env;

    KernelCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "pull", description = "Download and unpack a catalog kernel (default debian-cloud) and build its initramfs.")
    int pull(@Parameters(paramLabel = "NAME", defaultValue = KernelPullParams.DEFAULT) String name,
             @Option(names = "--force", description = "Replace a kernel of that name.") boolean force,
             @Option(names = {"-d", "--detach"}, description = "Print the operation id and return at once.") boolean detach,
             @Option(names = "--json", description = "Print the kernel as JSON.") boolean json) {
        long start = System.nanoTime();
        new OperationFollower(env).run("kernel.pull", new KernelPullParams(name, force ? Boolean.TRUE : null), detach);
        return detach ? 0 : print(env.call("kernel.show", new NameParams(name), KernelSummary.class), json,
                " in " + OperationFollower.seconds(System.nanoTime() - start));
    }

    @Command(name = "import", description = "Import a kernel (bzImage) with an optional initrd and modules tree; files are copied.")
    int importKernel(@Parameters(paramLabel = "NAME") String name,
                     @Option(names = "--kernel", required = true, description = "The kernel image.") Path kernel,
                     @Option(names = "--initrd", description = "An initramfs.") Path initrd,
                     @Option(names = "--modules", description = "A lib/modules/<version> tree.") Path modules,
                     @Option(names = "--force", description = "Replace a kernel of that name.") boolean force,
                     @Option(names = "--json", description = "Print JSON.") boolean json) {
        KernelSummary k = env.call("kernel.import", new KernelImportParams(name, abs(kernel), abs(initrd), abs(modules), force ? Boolean.TRUE : null),
                KernelSummary.class);
        return print(k, json, "");
    }

    @Command(name = "list", description = "List local kernels.")
    int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
        KernelListResult r = env.call("kernel.list", new NoParams(), KernelListResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("NAME", "VERSION", "INITRD", "SOURCE", "CREATED");
        r.kernels().forEach(k -> t.row(k.name(), k.version(), k.initrd() == null ? "no" : "yes", k.source(), k.createdAt()));
        t.print(env.out());
        return 0;
    }

    @Command(name = "show", description = "Show one kernel.")
    int show(@Parameters(paramLabel = "NAME") String name, @Option(names = "--json", description = "Print JSON.") boolean json) {
        return print(env.call("kernel.show", new NameParams(name), KernelSummary.class), json, "");
    }

    @Command(name = "delete", description = "Delete a kernel.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        DeleteResult r = env.call("kernel.delete", new NameParams(name), DeleteResult.class);
        env.out().println("deleted kernel " + r.name());
        return 0;
    }

    private int print(KernelSummary k, boolean json, String suffix) {
        if (json) {
            env.printJson(k);
        } else {
            env.out().printf("kernel %s %s (%s)%s%n  vmlinuz %s%n  initrd  %s%n", k.name(), k.version(), k.source(), suffix, k.vmlinuz(),
                    k.initrd() == null ? "-" : k.initrd());
        }
        return 0;
    }

    private static String abs(Path p) {
        return p == null ? null : p.toAbsolutePath().toString();
    }
}
