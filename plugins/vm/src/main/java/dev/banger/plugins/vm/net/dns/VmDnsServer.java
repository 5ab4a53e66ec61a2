package dev.banger.plugins.vm.net.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's DNS listener for {@code .vm}: UDP on 127.0.0.1 only (never another address: it answers
 * anyone who can reach it), one daemon thread, one packet at a time. Malformed packets are dropped without
 * a reply. The chosen port is written to a file so tools (and resolvers) can find it.
 */
public final class VmDnsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");
    private static final int MAX_PACKET = 512;

    private final DatagramSocket socket;
    private final VmZone zone;
    private final Path portFile;
    private final Thread thread;

    private VmDnsServer(DatagramSocket socket, VmZone zone, Path portFile) {
        this.socket = socket;
        this.zone = zone;
        this.portFile = portFile;
        this.thread = new Thread(this::serve, "vm-dns");
        thread.setDaemon(true);
    }

    /** Binds 127.0.0.1:port (0 = any free port), writes the port to {@code portFile} and starts answering. */
    public static VmDnsServer start(int port, VmZone zone, Path portFile) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        VmDnsServer server = new VmDnsServer(socket, zone, portFile);
        Files.createDirectories(portFile.getParent());
        Files.writeString(portFile, socket.getLocalPort() + "\n");
        server.thread.start();
        LOG.info("vm DNS for .vm listening on 127.0.0.1:{}", socket.getLocalPort());
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public Path portFile() {
        return portFile;
    }

    private void serve() {
        byte[] buffer = new byte[MAX_PACKET];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                Optional<DnsQuery> q = DnsQuery.parse(in.getData(), in.getLength());
                if (q.isEmpty()) {
                    continue;
                }
                byte[] reply = zone.answer(q.get());
                socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
                LOG.warn("vm DNS: {}", e.toString());
            } catch (IOException | RuntimeException e) {
                // one bad exchange (e.g. the store is busy) must not end the server
                LOG.warn("vm DNS: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Files.deleteIfExists(portFile);
    }
}
