package dev.banger.cli;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.plugins.Contribution;
import dev.banger.kernel.core.plugins.PluginHost;
import picocli.CommandLine;

/** banger's full command tree: the built-ins, then every loaded plugin's commands; every command answers --help. */
final class CommandTree {
    private CommandTree() {
    }

    /** {@code plugins} may be null (built-in commands only). */
    static CommandLine build(DaemonConnection env, DaemonSettings settings, PluginHost plugins) {
        CommandLine cli = new CommandLine(new BangerCommand());
        cli.addSubcommand(new VersionCommand(env));
        cli.addSubcommand(new DaemonCommand(env));
        cli.addSubcommand(new dev.banger.cli.doctor.DoctorCommand(env, settings));
        cli.addSubcommand(new dev.banger.cli.system.SystemCommand(env));
        cli.addSubcommand(new dev.banger.cli.update.UpdateCommand(env));
        cli.addSubcommand(new CompletionCommand());
        if (plugins != null) {
            for (Contribution<CliCommands> c : plugins.extensions(CliCommands.class)) {
                c.extension().commands(env).forEach(cli::addSubcommand);
            }
        }
        withHelpEverywhere(cli);
        cli.setUsageHelpWidth(100);
        return cli;
    }

    /** Every command, plugin leaves included, answers -h/--help, whatever its author remembered. */
    private static void withHelpEverywhere(CommandLine cmd) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        if (!spec.mixinStandardHelpOptions() && spec.findOption("--help") == null) {
            // a plain usage-help option: mixinStandardHelpOptions() would shift a @Command method's arguments
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        cmd.getSubcommands().values().forEach(CommandTree::withHelpEverywhere);
    }
}
