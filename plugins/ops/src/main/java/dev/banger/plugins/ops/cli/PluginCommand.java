package dev.banger.plugins.ops.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.PluginInfo;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.ops.api.PluginsListResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plugin", description = "Plugins loaded by the daemon.", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  banger plugin list", "  banger plugin list --json | jq '.plugins[].id'"})
public final class PluginCommand {
    private final CliEnvironment env;

    PluginCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "list", description = "List plugins: id, version, state, jar and the methods each contributes.")
    int list(@Option(names = "--json", description = "Print JSON.") boolean json,
             @Option(names = "--methods", description = "Show each plugin's methods.") boolean methods) {
        PluginsListResult r = env.call("daemon.plugins.list", new NoParams(), PluginsListResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("ID", "VERSION", "STATE", "METHODS", "JAR");
        for (PluginInfo p : r.plugins()) {
            t.row(p.id(), p.version(), p.state(), p.methods().size(), p.jar());
        }
        t.print(env.out());
        if (methods) {
            for (PluginInfo p : r.plugins()) {
                p.methods().forEach(m -> env.out().println(p.id() + "  " + m));
            }
        }
        return 0;
    }
}
