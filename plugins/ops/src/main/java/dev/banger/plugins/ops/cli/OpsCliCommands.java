package dev.banger.plugins.ops.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.Extension;

/** The ops plugin's commands: `banger plugin ...` and `banger ops ...`. */
@Extension
public final class OpsCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        return List.of(new PluginCommand(env), new OpsCommand(env));
    }
}
