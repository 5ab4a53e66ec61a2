package dev.banger.plugins.image.kernel;

import dev.banger.plugins.image.testing.RecordingProgress;
import java.nio.file.Path;

/** Entry point UnprivilegedPullTest runs as uid 65534: one real pull into the store given as argument. */
public final class UnprivilegedPullMain {
    private UnprivilegedPullMain() {
    }

    public static void main(String[] args) {
        StoredKernel kernel = new DebianCloudKernel(new KernelStore(Path.of(args[0])))
                .pull(DebianCloudKernel.DEFAULT_NAME, new RecordingProgress());
        System.out.println("pulled " + kernel.record());
    }
}
