package dev.banger.bench;

import dev.banger.kernel.api.wire.LineReader;
import dev.banger.kernel.api.wire.Protocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The baseline: the cheapest server a line protocol on junixsocket can have. It reads a line with
 * the daemon's own {@link LineReader} and answers with a fixed, well-formed final frame, so what
 * bangerd adds on top (JSON parsing, dispatch, the reader-to-worker hand-off, logging) is the gap.
 * One thread per connection; the benchmark opens exactly one.
 */
final class EchoServer implements AutoCloseable {
    /** A final frame as bangerd writes it, minus the real result. */
    static final String RESPONSE = "{\"op_id\":\"op-00000000\",\"result\":{}}";
    private static final byte[] RESPONSE_LINE = (RESPONSE + "\n").getBytes(StandardCharsets.UTF_8);
    private final AFUNIXServerSocket server;
    private final Thread acceptor;

    private EchoServer(AFUNIXServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "echo-accept");
        this.acceptor.setDaemon(true);
    }

    static EchoServer start(Path socket) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket.toFile()));
        EchoServer echo = new EchoServer(server);
        echo.acceptor.start();
        return echo;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> answer(s), "echo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed: the benchmark is over
            }
        }
    }

    private static void answer(Socket s) {
        try (s) {
            LineReader reader = new LineReader(s.getInputStream(), Protocol.MAX_LINE_BYTES);
            OutputStream out = s.getOutputStream();
            while (reader.readLine() != null) {
                out.write(RESPONSE_LINE);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
