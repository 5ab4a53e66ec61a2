package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.OperationProgress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for another caller's download of the same blob while staying cancellable itself. */
final class InFlightWait {
    private InFlightWait() {
    }

    /** Returns when the other download finished, successfully or not; the caller then re-checks the cache. */
    static void await(CompletableFuture<?> running, OperationProgress progress) {
        while (true) {
            progress.checkCancelled();
            try {
                running.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                // poll again so our own cancellation is seen
            } catch (ExecutionException failedElsewhere) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Cancellation.interrupted();
            }
        }
    }
}
