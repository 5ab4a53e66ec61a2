package dev.banger.kernel.core;

import dev.banger.kernel.core.config.ConfigException;
import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.plugins.PluginStartupException;
import dev.banger.kernel.core.server.SocketGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bangerd: the daemon's entry point. Runs in the foreground; SIGTERM or daemon.shutdown stop it cleanly. */
@Command(name = "bangerd", mixinStandardHelpOptions = true, versionProvider = Bangerd.Version.class,
        description = "The banger daemon: loads plugins and serves JSON-RPC on a unix socket.",
        footer = {"", "Examples:", "  bangerd                      # user mode, socket under $XDG_RUNTIME_DIR/banger",
                "  bangerd --system             # system mode, /run/banger/bangerd.sock",
                "  BANGER_PLUGINS_DIR=/tmp/p bangerd   # load plugins from another directory"},
        exitCodeOnExecutionException = 1)
public final class Bangerd implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("banger.kernel");

    @Option(names = "--system", description = "System mode: /etc/banger, /var/lib/banger, /run/banger.")
    boolean system;
    @Option(names = "--config", paramLabel = "FILE", description = "config.toml to read instead of the default.")
    Path config;
    @Option(names = "--socket", paramLabel = "PATH", description = "Socket to serve on.")
    Path socket;
    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "Directory of plugin jars.")
    Path pluginsDir;

    public static void main(String[] args) {
        int code = new CommandLine(new Bangerd()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Kernel kernel;
        try {
            DaemonSettings settings = DaemonSettings.resolve(system, config, socket, pluginsDir, System.getenv());
            kernel = Kernel.start(settings);
        } catch (ConfigException | PluginStartupException | SocketGuard.AlreadyRunningException | IOException e) {
            LOG.error("bangerd cannot start: {}", e.getMessage());
            dev.banger.kernel.core.logging.LogFlush.flush();
            System.err.println("bangerd: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::close, "bangerd-stop"));
        kernel.awaitStop();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bangerd " + BuildInfo.version()};
        }
    }
}
