package dev.banger.dist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A client that writes raw bytes as one request line and reads every frame up to the final one
 * (result or error), with a read timeout so a hang fails the test instead of stalling it.
 */
final class RawConnection implements AutoCloseable {
    private final AFUNIXSocket socket;
    private final OutputStream out;
    private final LineReader in;

    RawConnection(Path socketPath, int readTimeoutMs) throws IOException {
        socket = AFUNIXSocket.newInstance();
        socket.connect(AFUNIXSocketAddress.of(socketPath.toFile()));
        socket.setSoTimeout(readTimeoutMs);
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream(), 16 << 20);
    }

    /** Sends {@code line} (no newline in it) and returns the frames of its answer, the final one last. */
    List<JsonNode> exchange(byte[] line) throws IOException {
        byte[] framed = new byte[line.length + 1];
        System.arraycopy(line, 0, framed, 0, line.length);
        framed[line.length] = '\n';
        out.write(framed);
        out.flush();
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            String reply;
            try {
                reply = in.readLine();
            } catch (SocketTimeoutException e) {
                throw new IOException("no final frame within the read timeout (a hang); got " + frames, e);
            }
            if (reply == null) {
                throw new IOException("the daemon closed the connection; got " + frames);
            }
            JsonNode frame = Json.mapper().readTree(reply);
            frames.add(frame);
            if (frame.has("result") || frame.has("error")) {
                return frames;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
