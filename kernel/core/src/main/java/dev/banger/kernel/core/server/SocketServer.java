package dev.banger.kernel.core.server;

import dev.banger.kernel.core.rpc.Dispatcher;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AF_UNIX listener (socket 0600 in a 0700 directory); many connections at once. Only peers the
 * {@link PeerUidPolicy} allows are served (the daemon's own uid and root).
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.server");
    private final Path socketPath;
    private final Dispatcher dispatcher;
    private final PeerUidPolicy peers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final InFlight inFlight = new InFlight();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> new Thread(r, "bangerd-conn"));
    private AFUNIXServerSocket server;

    public SocketServer(Path socketPath, Dispatcher dispatcher) {
        this(socketPath, dispatcher, PeerUidPolicy.forThisProcess());
    }

    public SocketServer(Path socketPath, Dispatcher dispatcher, PeerUidPolicy peers) {
        this.socketPath = socketPath;
        this.dispatcher = dispatcher;
        this.peers = peers;
    }

    public void start() throws IOException {
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socketPath.toFile()));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        Thread acceptor = new Thread(this::acceptLoop, "bangerd-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public boolean stopping() {
        return stopping.get();
    }

    private void acceptLoop() {
        while (!stopping.get()) {
            try {
                Socket s = server.accept();
                Connection c = new Connection(s, dispatcher, stopping::get, inFlight, peers);
                connections.add(c);
                readers.execute(() -> {
                    try {
                        c.run();
                    } finally {
                        connections.remove(c);
                    }
                });
            } catch (IOException e) {
                if (!stopping.get()) {
                    LOG.warn("accept failed: {}", e.toString());
                }
            }
        }
    }

    /** Stops accepting, marks every call cancelled, gives them time to answer, then closes everything. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(socketPath);
        if (!inFlight.awaitZero(10_000)) {
            LOG.warn("calls still running after 10 s; closing their connections");
        }
        connections.forEach(Connection::close);
        readers.shutdownNow();
    }
}
