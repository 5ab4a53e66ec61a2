package dev.banger.plugins.image.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.image.api.ImageListResult;
import dev.banger.plugins.image.api.KernelListResult;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `banger image ...` and `banger kernel ...`. */
@Extension
public final class ImageCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        return List.of(new ImageCommand(env), new KernelCommand(env));
    }

    @Command(name = "image", description = "Root filesystem images.", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  banger image list", "  banger image list --json"})
    static final class ImageCommand {
        private final CliEnvironment env;

        ImageCommand(CliEnvironment env) {
            this.env = env;
        }

        @Command(name = "list", description = "List local images.")
        int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
            ImageListResult r = env.call("image.list", new NoParams(), ImageListResult.class);
            if (json) {
                env.printJson(r);
                return 0;
            }
            Table t = Table.of("NAME", "SOURCE", "SIZE", "CREATED");
            r.images().forEach(i -> t.row(i.name(), i.source(), i.sizeBytes(), i.createdAt()));
            t.print(env.out());
            return 0;
        }
    }

    @Command(name = "kernel", description = "Guest kernels.", mixinStandardHelpOptions = true,
            footer = {"", "Examples:", "  banger kernel list", "  banger kernel list --json"})
    static final class KernelCommand {
        private final CliEnvironment env;

        KernelCommand(CliEnvironment env) {
            this.env = env;
        }

        @Command(name = "list", description = "List local kernels.")
        int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
            KernelListResult r = env.call("kernel.list", new NoParams(), KernelListResult.class);
            if (json) {
                env.printJson(r);
                return 0;
            }
            Table t = Table.of("NAME", "VERSION", "SOURCE", "CREATED");
            r.kernels().forEach(k -> t.row(k.name(), k.version(), k.source(), k.createdAt()));
            t.print(env.out());
            return 0;
        }
    }
}
