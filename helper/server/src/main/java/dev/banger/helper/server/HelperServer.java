package dev.banger.helper.server;

import dev.banger.kernel.core.server.SocketGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bangerd-root's listener. The directory is 0711 (root may list it, others may only pass
 * through), the socket 0600 and owned by the owner uid: the file mode keeps strangers out, and
 * the peer-credential check behind it refuses anyone who gets through anyway.
 */
public final class HelperServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.helper.server");
    private final HelperConfig config;
    private final HelperDispatcher dispatcher;
    private final PeerPolicy peers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> new Thread(r, "bangerd-root-conn"));
    private SocketGuard guard;
    private AFUNIXServerSocket server;

    public HelperServer(HelperConfig config, CommandRunner runner) {
        this.config = config;
        this.peers = new PeerPolicy(config.ownerUid());
        this.dispatcher = new HelperDispatcher(MethodTable.forConfig(config, runner), peers);
    }

    public void start() throws IOException, SocketGuard.AlreadyRunningException {
        Path socket = config.socket().toAbsolutePath();
        guard = SocketGuard.acquire(socket, "bangerd-root");
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket.toFile()));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(socket, "unix:gid", (int) config.ownerGid());
        Files.setAttribute(socket, "unix:uid", (int) config.ownerUid());
        Thread acceptor = new Thread(this::acceptLoop, "bangerd-root-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.atInfo().addKeyValue("socket", socket.toString()).addKeyValue("owner_uid", config.ownerUid())
                .addKeyValue("netns", config.netns() == null ? "-" : config.netns())
                .log("bangerd-root listening");
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            try {
                AFUNIXSocket s = server.accept();
                connections.execute(new PeerConnection(s, dispatcher, peers));
            } catch (IOException e) {
                if (!stopping.get()) {
                    LOG.warn("accept failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(config.socket());
        connections.shutdownNow();
        if (guard != null) {
            guard.close();
        }
    }
}
