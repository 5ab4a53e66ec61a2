package dev.banger.cli;

import dev.banger.kernel.api.cli.ExitCodes;

import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.api.wire.RpcTransportException;
import dev.banger.kernel.core.config.ConfigException;
import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.plugins.PluginHost;
import dev.banger.kernel.core.plugins.PluginStartupException;
import java.io.PrintStream;
import java.nio.file.Files;
import picocli.CommandLine;

/** banger: builds the command tree (built-ins plus what the plugins contribute) and maps errors to exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions opts = CliOptions.scan(args);
        DaemonSettings settings;
        try {
            settings = DaemonSettings.resolve(opts.system(), opts.config(), opts.socket(), null, System.getenv());
        } catch (ConfigException e) {
            err.println("banger: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (DaemonConnection env = new DaemonConnection(settings, opts, out, err);
             PluginHost plugins = opts.needsPlugins() ? loadPlugins(settings, err) : null) {
            CommandLine cli = CommandTree.build(env, settings, plugins);
            cli.setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, err));
            return cli.execute(args);
        }
    }

    private static PluginHost loadPlugins(DaemonSettings settings, PrintStream err) {
        if (!Files.isDirectory(settings.pluginsDir())) {
            err.println("banger: warning: no plugins directory at " + settings.pluginsDir() + "; only built-in commands are available");
            return null;
        }
        try {
            return PluginHost.start(settings.pluginsDir(), settings.config().disabledPlugins());
        } catch (PluginStartupException e) {
            err.println("banger: warning: plugins not loaded (" + e.getMessage() + "); only built-in commands are available");
            return null;
        }
    }

    private static int report(Exception e, PrintStream err) {
        if (e instanceof RpcException rpc) {
            err.println("banger: " + rpc.getMessage());
            return ExitCodes.of(rpc.code());
        }
        if (e instanceof IllegalArgumentException) {
            // a flag value the command itself could not parse (e.g. --size 4Q): a usage error
            err.println("banger: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof DaemonUnreachableException || e instanceof RpcTransportException) {
            err.println("banger: " + e.getMessage());
            return ExitCodes.DAEMON_UNREACHABLE;
        }
        err.println("banger: unexpected error: " + e);
        if (System.getenv("BANGER_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILED;
    }
}
