package dev.banger.helper.server;

import dev.banger.kernel.core.logging.LogFlush;
import dev.banger.kernel.core.BuildInfo;
import dev.banger.kernel.core.config.ConfigException;
import dev.banger.kernel.core.server.SocketGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bangerd-root: the privileged helper's entry point. Runs in the foreground as root until SIGTERM. */
@Command(name = "bangerd-root", mixinStandardHelpOptions = true, versionProvider = BangerdRoot.Version.class,
        description = "banger's privileged helper: a small typed allow-list of network operations, served to root and the owner uid only.",
        footer = {"", "Examples:", "  bangerd-root --config /etc/banger/helper.toml",
                "  bangerd-root --owner-uid 1000 --socket /tmp/h/root.sock --netns banger-test-1   # tests"},
        exitCodeOnExecutionException = 1)
public final class BangerdRoot implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("banger.helper");

    @Option(names = "--config", paramLabel = "FILE", description = "helper.toml (default ${DEFAULT-VALUE}).")
    Path config = HelperConfig.DEFAULT_CONFIG;
    @Option(names = "--socket", paramLabel = "PATH", description = "Socket to serve on (default /run/banger-root/bangerd-root.sock).")
    Path socket;
    @Option(names = "--owner-uid", paramLabel = "UID", description = "The uid bangerd runs as (overrides owner_uid).")
    Long ownerUid;
    @Option(names = "--owner-gid", paramLabel = "GID", description = "The owner's gid (overrides owner_gid; default: the uid).")
    Long ownerGid;
    @Option(names = "--bridge-prefix", paramLabel = "PREFIX", description = "Managed interface prefix (overrides bridge_prefix; default bgr-).")
    String bridgePrefix;
    @Option(names = "--subnet", paramLabel = "CIDR", description = "Managed subnet (overrides subnet; default 172.16.0.0/12).")
    String subnet;
    @Option(names = "--netns", paramLabel = "NAME", description = "Do every network operation inside this network namespace.")
    String netns;

    public static void main(String[] args) {
        int code = new CommandLine(new BangerdRoot()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        HelperServer server;
        try {
            HelperConfig cfg = HelperConfigLoader.load(config,
                    new HelperConfigLoader.Overrides(socket, ownerUid, ownerGid, bridgePrefix, subnet, netns));
            server = new HelperServer(cfg, new ProcessCommandRunner());
            server.start();
        } catch (ConfigException | IOException e) {
            return fail(e.getMessage());
        } catch (SocketGuard.AlreadyRunningException e) {
            return fail("another bangerd-root is already serving that socket; stop it first");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            LogFlush.flush();
            stopped.countDown();
        }, "bangerd-root-stop"));
        stopped.await();
        return 0;
    }

    private static int fail(String message) {
        LOG.error("bangerd-root cannot start: {}", message);
        LogFlush.flush();
        System.err.println("bangerd-root: " + message);
        return 1;
    }

    private static void closeQuietly(HelperServer server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the socket failed: {}", e.toString());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bangerd-root " + BuildInfo.version()};
        }
    }
}
