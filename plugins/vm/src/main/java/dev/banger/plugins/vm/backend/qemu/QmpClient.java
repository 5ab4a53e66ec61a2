package dev.banger.plugins.vm.backend.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * One QMP session: JSON lines over QEMU's unix socket. {@link #connect} reads the greeting and leaves
 * capabilities-negotiation mode, so every method here can be called at once.
 *
 * <p>Sessions are meant to be short (connect, a command or two, close): QEMU's QMP socket serves one
 * client at a time, so a session held open by the daemon would lock out every other caller.
 * Asynchronous event lines ({@code {"event": ...}}) can arrive before any answer and are skipped.
 */
public final class QmpClient implements AutoCloseable {
    private final ObjectMapper json = Json.mapper();
    private final AFUNIXSocket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpClient(AFUNIXSocket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /** Connects, reads the greeting and sends {@code qmp_capabilities}; every read waits at most {@code timeout}. */
    public static QmpClient connect(Path qmpSocket, Duration timeout) throws IOException {
        AFUNIXSocket socket = AFUNIXSocket.newInstance();
        try {
            socket.connect(AFUNIXSocketAddress.of(qmpSocket.toFile()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            QmpClient client = new QmpClient(socket);
            JsonNode greeting = client.readLine();
            if (!greeting.has("QMP")) {
                throw new IOException("not a QMP greeting on " + qmpSocket + ": " + greeting);
            }
            client.execute("qmp_capabilities");
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** QEMU's run state: {@code running}, {@code paused}, {@code internal-error}, {@code shutdown}, ... */
    public String queryStatus() throws IOException {
        return execute("query-status").path("status").asText();
    }

    /** Presses the virtual power button (an ACPI event): only a guest that listens for it shuts down. */
    public void systemPowerdown() throws IOException {
        execute("system_powerdown");
    }

    /** Ends QEMU at once, like pulling the plug. */
    public void quit() throws IOException {
        try {
            execute("quit");
        } catch (EndOfSession e) {
            // QEMU may exit before its answer reaches us: the connection closing is the answer
        }
    }

    /** {@code hostfwd_add}: 127.0.0.1:hostPort → guestPort on netdev {@code netdevId}, while the VM runs. */
    public void addHostForward(String netdevId, int hostPort, int guestPort) throws IOException {
        String command = "hostfwd_add " + netdevId + " " + QemuArgs.hostForward(hostPort, guestPort);
        String output = humanMonitorCommand(command);
        // HMP reports failures as text in a successful QMP answer; success prints nothing
        if (!output.isBlank()) {
            throw refused(command, output.strip());
        }
    }

    /** {@code hostfwd_remove}; a forward that does not exist is an error, as QEMU reports it. */
    public void removeHostForward(String netdevId, int hostPort) throws IOException {
        String command = "hostfwd_remove " + netdevId + " tcp:127.0.0.1:" + QemuArgs.requirePort(hostPort);
        String output = humanMonitorCommand(command);
        if (!output.strip().endsWith(" removed")) {
            throw refused(command, output.strip());
        }
    }

    /** Runs an HMP command line and returns its text output (HMP errors are text too, not QMP errors). */
    public String humanMonitorCommand(String commandLine) throws IOException {
        return execute("human-monitor-command", Map.of("command-line", commandLine)).asText();
    }

    public JsonNode execute(String command) throws IOException {
        return execute(command, Map.of());
    }

    /** Sends one command and returns its {@code return} value; a QMP {@code error} becomes an {@link RpcException}. */
    public JsonNode execute(String command, Map<String, ?> arguments) throws IOException {
        ObjectNode request = json.createObjectNode().put("execute", command);
        if (!arguments.isEmpty()) {
            request.set("arguments", json.valueToTree(arguments));
        }
        out.write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode answer = readLine();
            if (answer.has("return")) {
                return answer.get("return");
            }
            if (answer.has("error")) {
                throw refused(command, answer.get("error").path("desc").asText(answer.get("error").toString()));
            }
            // anything else is an asynchronous event (SHUTDOWN, STOP, ...): not our answer
        }
    }

    private JsonNode readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EndOfSession();
        }
        return json.readTree(line);
    }

    private static RpcException refused(String command, String description) {
        return new RpcException(ErrorCode.OPERATION_FAILED, "qemu refused " + command + ": " + description);
    }

    /** QEMU closed the connection (it exited, or another session took over). */
    static final class EndOfSession extends IOException {
        EndOfSession() {
            super("QEMU closed the QMP connection");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
