package dev.banger.kernel.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A wire protocol v1 client over one AF_UNIX connection; calls on it are serialised. Used by the
 * CLI, by tests, and by the daemon to reach the helper. It uses the JDK's own AF_UNIX channels:
 * a client needs no peer credentials, and skipping junixsocket's native library load saves every
 * CLI command tens of milliseconds. (The servers use junixsocket for SO_PEERCRED.)
 */
public final class RpcClient implements AutoCloseable {
    private static final Consumer<JsonNode> IGNORE_EVENTS = e -> { };
    private final Path socketPath;
    private final SocketChannel socket;
    private final OutputStream out;
    private final LineReader in;
    private final ObjectMapper json = Json.mapper();
    private volatile String lastOpId;

    private RpcClient(Path socketPath, SocketChannel socket) {
        this.socketPath = socketPath;
        this.socket = socket;
        this.out = Channels.newOutputStream(socket);
        this.in = new LineReader(Channels.newInputStream(socket), Integer.MAX_VALUE - 8);
    }

    public static RpcClient connect(Path socketPath) throws IOException {
        return new RpcClient(socketPath, SocketChannel.open(UnixDomainSocketAddress.of(socketPath)));
    }

    public Path socketPath() {
        return socketPath;
    }

    public <R> R call(String method, Object params, Class<R> resultType) {
        return call(method, params, resultType, null, IGNORE_EVENTS);
    }

    /**
     * Sends one request and reads frames until its result or error. Events are handed to
     * {@code events} in order. {@code opId} may be null (the server mints one).
     */
    public synchronized <R> R call(String method, Object params, Class<R> resultType, String opId,
                                   Consumer<JsonNode> events) {
        JsonNode result = callRaw(method, params, opId, events);
        try {
            return json.treeToValue(result, resultType);
        } catch (IOException e) {
            throw new RpcTransportException("could not decode the result of " + method + ": " + e.getMessage(), e);
        }
    }

    public synchronized JsonNode callRaw(String method, Object params, String opId, Consumer<JsonNode> events) {
        ObjectNode request = json.createObjectNode();
        request.put("version", Protocol.VERSION);
        request.put("method", method);
        request.set("params", params == null ? json.createObjectNode() : json.valueToTree(params));
        if (opId != null) {
            request.put("op_id", opId);
        }
        return exchange(request.toString(), events);
    }

    /** Sends one raw line (tests use this for malformed input) and returns the final frame's result. */
    public synchronized JsonNode exchange(String line, Consumer<JsonNode> events) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String reply = in.readLine();
                if (reply == null) {
                    throw new RpcTransportException("the daemon closed the connection on " + socketPath, null);
                }
                JsonNode frame = json.readTree(reply);
                if (frame.has("event")) {
                    events.accept(frame.get("event"));
                    continue;
                }
                String op = frame.path("op_id").asText(null);
                lastOpId = op;
                if (frame.has("error")) {
                    JsonNode err = frame.get("error");
                    throw new RpcException(ErrorCode.fromWire(err.path("code").asText()),
                            err.path("message").asText(), op, null);
                }
                return frame.path("result");
            }
        } catch (IOException e) {
            throw new RpcTransportException("connection to " + socketPath + " failed: " + e.getMessage(), e);
        }
    }

    /** The op id stamped on the last response (useful to print next to a success). */
    public String lastOpId() {
        return lastOpId;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket has nothing left to tell us
        }
    }
}
