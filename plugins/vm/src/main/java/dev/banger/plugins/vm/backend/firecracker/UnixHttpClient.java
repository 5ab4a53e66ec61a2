package dev.banger.plugins.vm.backend.firecracker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A minimal HTTP/1.1 client over an AF_UNIX socket, which the JDK's HttpClient cannot reach. One
 * connection per request: Firecracker's API is a handful of calls per VM lifetime, so there is
 * nothing to gain from keep-alive and a fresh connection never inherits a half-read answer.
 */
public final class UnixHttpClient {
    private final Path socketPath;
    private final Duration timeout;

    public UnixHttpClient(Path socketPath, Duration timeout) {
        this.socketPath = socketPath;
        this.timeout = timeout;
    }

    public Path socketPath() {
        return socketPath;
    }

    /** Sends {@code method path} with an optional JSON body (null for none) and reads the whole answer. */
    public HttpReply send(String method, String path, String jsonBody) throws IOException {
        try (AFUNIXSocket socket = AFUNIXSocket.newInstance()) {
            socket.connect(AFUNIXSocketAddress.of(socketPath.toFile()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            writeRequest(socket.getOutputStream(), method, path, jsonBody);
            return HttpReplyReader.read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static void writeRequest(OutputStream out, String method, String path, String jsonBody)
            throws IOException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n")
                .append("Accept: application/json\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\n");
        }
        // always framed, even when empty: a PUT without Content-Length leaves the server guessing
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
