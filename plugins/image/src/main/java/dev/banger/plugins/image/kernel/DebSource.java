package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.OperationProgress;
import java.nio.file.Path;

/** Where Debian packages come from: apt in production, a cache around apt in tests. */
public interface DebSource {
    /** Puts the candidate version of {@code packageName} into {@code directory}; returns the .deb. */
    Path download(String packageName, Path directory, OperationProgress progress);
}
