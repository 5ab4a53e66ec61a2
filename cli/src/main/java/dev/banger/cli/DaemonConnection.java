package dev.banger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcTransportException;
import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.config.Layout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The CLI side of the socket: connects on first use, and in user mode starts bangerd when nothing answers. */
final class DaemonConnection implements CliEnvironment, AutoCloseable {
    private final DaemonSettings settings;
    private final CliOptions opts;
    private final PrintStream out;
    private final PrintStream err;
    private RpcClient client;

    DaemonConnection(DaemonSettings settings, CliOptions opts, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.opts = opts;
        this.out = out;
        this.err = err;
    }

    DaemonSettings settings() {
        return settings;
    }

    CliOptions options() {
        return opts;
    }

    @Override
    public <R> R call(String method, Object params, Class<R> result) {
        return client(true).call(method, params, result, null, e -> { });
    }

    @Override
    public JsonNode stream(String method, Object params, Consumer<JsonNode> events) {
        return client(true).callRaw(method, params, null, events);
    }

    @Override
    public CliEnvironment separate() {
        return new DaemonConnection(settings, opts, out, err);
    }

        /** A call that never starts the daemon (status, stop). */
    <R> R callIfRunning(String method, Object params, Class<R> result) {
        return client(false).call(method, params, result, null, e -> { });
    }

    private synchronized RpcClient client(boolean autoStart) {
        if (client != null) {
            return client;
        }
        try {
            client = RpcClient.connect(settings.socket());
            return client;
        } catch (IOException first) {
            if (!autoStart) {
                throw new DaemonUnreachableException("bangerd is not running (nothing answers on " + settings.socket() + ")");
            }
            if (settings.layout().mode() == Layout.Mode.SYSTEM) {
                throw new DaemonUnreachableException("bangerd is not reachable on " + settings.socket()
                        + ": the system daemon is not auto-started; start it (`systemctl start bangerd`, or `bangerd --system` as its owner)");
            }
        }
        long pid = DaemonLauncher.start(settings, opts);
        err.println("banger: started bangerd in the background (pid " + pid + ", log " + settings.layout().daemonLog() + ")");
        try {
            client = RpcClient.connect(settings.socket());
            return client;
        } catch (IOException e) {
            throw new DaemonUnreachableException("bangerd started but its socket refuses connections: " + e.getMessage());
        }
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public void printJson(Object value) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    static boolean isTransport(Throwable t) {
        return t instanceof RpcTransportException;
    }
}
