package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.OperationProgress;
import java.util.Locale;

/** Turns bytes received into a progress fraction and stage texts naming the current layer. */
final class PullProgress {
    private final OperationProgress progress;
    private final long totalBytes;
    private final int layerCount;
    private long doneBytes;
    private double lastReported = -1;

    PullProgress(OperationProgress progress, long totalBytes, int layerCount) {
        this.progress = progress;
        this.totalBytes = Math.max(totalBytes, 1);
        this.layerCount = layerCount;
    }

    void startLayer(int index, Descriptor layer) {
        progress.stage(String.format(Locale.ROOT, "pulling layer %d/%d %s (%s), %s of %s done", index + 1, layerCount,
                layer.digest().shortForm(), mebibytes(layer.size()), mebibytes(doneBytes), mebibytes(totalBytes)));
    }

    /** Bytes received (negative when a download restarts from zero). */
    synchronized void add(long bytes) {
        doneBytes += bytes;
        double fraction = Math.min(1.0, Math.max(0.0, (double) doneBytes / totalBytes));
        if (fraction - lastReported >= 0.005 || fraction == 1.0 || bytes < 0) {
            lastReported = fraction;
            progress.progress(fraction);
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
