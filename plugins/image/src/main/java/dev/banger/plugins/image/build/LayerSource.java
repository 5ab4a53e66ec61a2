package dev.banger.plugins.image.build;

import dev.banger.kernel.api.OperationProgress;
import java.nio.file.Path;

/** Where an image's layers come from: a registry, the catalog, or a local import. */
public interface LayerSource {
    /** Fetches what the build needs into {@code work} (a directory inside the image's staging dir). */
    FetchedLayers fetch(Path work, OperationProgress progress) throws Exception;
}
