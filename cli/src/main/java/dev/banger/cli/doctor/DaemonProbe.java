package dev.banger.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Doctor's one connection to bangerd. Never starts the daemon (doctor diagnoses, it does not
 * change anything), and connects at most once: every daemon-side check shares the outcome.
 */
public final class DaemonProbe implements AutoCloseable {
    private final Path socket;
    private RpcClient client;
    private String unreachable;

    DaemonProbe(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /** Null when the daemon answers; otherwise why it could not be reached. */
    public synchronized String unreachableReason() {
        if (client == null && unreachable == null) {
            try {
                client = RpcClient.connect(socket);
                client.callRaw("daemon.ping", null, null, e -> { });
            } catch (IOException | RuntimeException e) {
                unreachable = "nothing answers on " + socket + " (" + e.getMessage() + ")";
                if (client != null) {
                    client.close();
                    client = null;
                }
            }
        }
        return unreachable;
    }

    /** A raw call; only after {@link #unreachableReason()} returned null. Errors propagate as RpcException. */
    public synchronized JsonNode call(String method) {
        if (unreachableReason() != null) {
            throw new IllegalStateException("daemon not reachable: " + unreachable);
        }
        return client.callRaw(method, null, null, e -> { });
    }

    /** The hint every daemon-dependent check gives when bangerd is down. */
    public static String startHint() {
        return "start it: `banger daemon start` (user mode), or `banger system start` / `systemctl start bangerd` (system install)";
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
