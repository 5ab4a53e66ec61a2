package dev.banger.kernel.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.function.Consumer;

/** What plugin CLI commands get from the CLI host: a daemon connection and the output streams. */
public interface CliEnvironment {
    /** Calls the daemon (starting it in user mode if nothing answers). Errors arrive as RpcException. */
    <R> R call(String method, Object params, Class<R> result);

    /** A streaming call: events are handed to {@code events} as they arrive. */
    JsonNode stream(String method, Object params, Consumer<JsonNode> events);

    PrintStream out();

    PrintStream err();

    /** Pretty JSON of any value to {@link #out()} — what {@code --json} prints. */
    void printJson(Object value);

    /**
     * Another connection to the same daemon, opened on first use. For cleanup from a shutdown hook: calls on
     * this environment are serialised, so one made while a streaming call is in flight here would wait forever.
     */
    default CliEnvironment separate() {
        throw new UnsupportedOperationException("this CLI environment has no second connection");
    }
}
