package dev.banger.plugins.vm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.cli.OperationFollower;
import dev.banger.kernel.api.cli.Terminal;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The stages of a streamed vm.create on stderr: one line redrawn with the elapsed time on a terminal (a ticker
 * keeps the clock moving through the long "wait for guest"), one plain line per stage anywhere else.
 */
final class StageDisplay implements Consumer<JsonNode>, AutoCloseable {
    private final PrintStream err;
    private final boolean live = Terminal.live();
    private final long start = System.nanoTime();
    private volatile String stage = "starting";
    private Thread ticker;

    StageDisplay(PrintStream err) {
        this.err = err;
        if (live) {
            ticker = new Thread(this::tick, "vm-run-ticker");
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    @Override
    public void accept(JsonNode event) {
        stage = event.path("stage").asText();
        if (live) {
            draw();
        } else {
            err.println(stage);
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    private synchronized void draw() {
        err.print(String.format(Locale.ROOT, "\r\033[K%5.1fs  %s", elapsedNanos() / 1e9, stage));
        err.flush();
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                draw();
                Thread.sleep(200);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the live line, leaving the last state visible. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            draw();
            err.println();
            ticker = null;
        }
    }

    String readyLine() {
        return "ready in " + OperationFollower.seconds(elapsedNanos());
    }
}
