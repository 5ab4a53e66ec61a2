package dev.banger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.plugins.PluginHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The whole command tree as bin/banger builds it, shipped plugins included (this test sits in the CLI's package
 * to reach CommandTree): every group shows examples, every listing and show command takes --json, and the
 * completion script covers plugin commands. Nothing here talks to a daemon.
 */
class CommandTreeIT {
    private static PluginHost plugins;
    private static DaemonConnection env;
    private static CommandLine tree;

    @BeforeAll
    static void build() throws Exception {
        Path pluginsDir = Path.of(System.getProperty("banger.tree", "target/banger"), "plugins");
        plugins = PluginHost.start(pluginsDir, List.of());
        DaemonSettings settings = DaemonSettings.resolve(false, null, Path.of("/nonexistent/bangerd.sock"), null,
                Map.of("HOME", "/nonexistent-banger-home"));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        env = new DaemonConnection(settings, CliOptions.scan(new String[0]), sink, sink);
        tree = CommandTree.build(env, settings, plugins);
    }

    @AfterAll
    static void close() {
        env.close();
        plugins.close();
    }

    private static void each(CommandLine cmd, Consumer<CommandLine> check) {
        check.accept(cmd);
        cmd.getSubcommands().values().forEach(c -> each(c, check));
    }

    @Test
    void everyGroupsHelpHasExamples() {
        List<String> without = new ArrayList<>();
        each(tree, c -> {
            if (!c.getSubcommands().isEmpty() && !String.join("\n", c.getCommandSpec().usageMessage().footer()).contains("Examples:")) {
                without.add(c.getCommandSpec().qualifiedName());
            }
        });
        assertThat(without).as("groups whose --help has no Examples").isEmpty();
    }

    @Test
    void everyListingAndShowCommandTakesJson() {
        List<String> without = new ArrayList<>();
        each(tree, c -> {
            String name = c.getCommandName();
            boolean listingOrShow = name.equals("list") || name.equals("show") || name.equals("status") || name.equals("backends")
                    || name.equals("ports") || name.equals("health");
            if (listingOrShow && c.getCommandSpec().findOption("--json") == null) {
                without.add(c.getCommandSpec().qualifiedName());
            }
        });
        assertThat(without).as("listing/show commands without --json").isEmpty();
    }

    @Test
    void theBashCompletionScriptCoversBuiltInAndPluginCommands() {
        StringWriter out = new StringWriter();
        tree.setOut(new PrintWriter(out));
        assertThat(tree.execute("completion", "bash")).isZero();
        String script = out.toString();
        assertThat(script).contains("vm").contains("run").contains("image").contains("daemon")
                // plugin-contributed subcommands, two levels down too
                .contains("ssh-config").contains("forward").contains("--ready-timeout");
        StringWriter zsh = new StringWriter();
        tree.setOut(new PrintWriter(zsh));
        assertThat(tree.execute("completion", "zsh")).isZero();
        assertThat(zsh.toString()).startsWith("#compdef banger").contains("bashcompinit");
    }
}
