package dev.banger.kernel.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Follows an async operation from the CLI until it is done: a live line on a terminal, plain
 * "stage" lines otherwise (so logs and CI output stay readable). Any plugin command that begins
 * an operation (image pull, kernel pull, vm create) uses it.
 */
public final class OperationFollower {
    private final CliEnvironment env;
    private final boolean tty;

    public OperationFollower(CliEnvironment env) {
        this.env = env;
        this.tty = Terminal.live();
    }

    /**
     * Begins an operation with {@code method} and follows it to the end (unless {@code detach}: then
     * the id is printed and the begun summary returned). A failed operation becomes the RpcException the
     * CLI reports, with the operation's id. The final summary's {@code subject} names what was made.
     */
    public JsonNode run(String method, Object params, boolean detach) {
        JsonNode op = env.call(method, params, JsonNode.class);
        String id = op.path("id").asText();
        if (detach) {
            env.out().println(id);
            return op;
        }
        JsonNode done = follow(id);
        if (done.hasNonNull("error")) {
            throw new RpcException(ErrorCode.fromWire(done.at("/error/code").asText()), done.at("/error/message").asText(), id, null);
        }
        return done;
    }

    /** Returns the final summary ({@code done} true), printing progress to stderr meanwhile. */
    public JsonNode follow(String opId) {
        PrintStream err = env.err();
        String lastStage = null;
        long start = System.nanoTime();
        while (true) {
            JsonNode s = env.call("daemon.operations.wait", Map.of("id", opId, "timeout_ms", 250), JsonNode.class);
            String stage = s.path("stage").asText();
            double progress = s.path("progress").asDouble(-1);
            if (tty) {
                err.print("\r\033[K" + line(stage, progress, start));
            } else if (!stage.equals(lastStage)) {
                err.println(stage);
            }
            lastStage = stage;
            if (s.path("done").asBoolean()) {
                if (tty) {
                    err.println();
                }
                return s;
            }
        }
    }

    private static String line(String stage, double progress, long start) {
        String pct = progress < 0 ? "" : String.format(Locale.ROOT, " %3d%%", Math.round(progress * 100));
        return String.format(Locale.ROOT, "%5.1fs%s  %s", (System.nanoTime() - start) / 1e9, pct, stage);
    }

    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
