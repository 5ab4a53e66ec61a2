package dev.banger.plugins.image.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine;

/** `banger image ...` (with `image cache prune`) and `banger kernel ...`. */
@Extension
public final class ImageCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        CommandLine image = new CommandLine(new ImageCommand(env)).addSubcommand(new CommandLine(new CacheCommand(env)));
        return List.of(image, new KernelCommand(env));
    }
}
