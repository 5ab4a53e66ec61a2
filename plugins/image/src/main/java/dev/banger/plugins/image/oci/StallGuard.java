package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.OperationProgress;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JDK HTTP client has no read timeout, and a read blocked on a silent connection never reaches
 * {@code checkCancelled()}. This guard closes the body stream when no byte arrived for the timeout
 * (the download then resumes with Range) or when the operation is cancelled.
 */
final class StallGuard implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "oci-stall-guard");
        thread.setDaemon(true);
        return thread;
    });
    private final Closeable body;
    private final OperationProgress progress;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastByteNanos = System.nanoTime();
    private volatile boolean stalled;

    StallGuard(Closeable body, OperationProgress progress, Duration timeout) {
        this.body = body;
        this.progress = progress;
        this.timeoutNanos = timeout.toNanos();
        this.check = TIMER.scheduleWithFixedDelay(this::check, 250, 250, TimeUnit.MILLISECONDS);
    }

    void bytesArrived() {
        lastByteNanos = System.nanoTime();
    }

    private void check() {
        boolean silent = System.nanoTime() - lastByteNanos > timeoutNanos;
        if (progress.cancelled() || silent) {
            stalled = silent && !progress.cancelled();
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader sees the closed stream either way
            }
            check.cancel(false);
        }
    }

    /** Whether this guard cut the stream because nothing arrived (not because of a cancel). */
    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
