package dev.banger.plugins.image.build;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.plugins.image.oci.BlobCache;
import dev.banger.plugins.image.oci.ImageReference;
import dev.banger.plugins.image.oci.LayerStreams;
import dev.banger.plugins.image.oci.OciPuller;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.oci.PulledImage;
import dev.banger.plugins.image.oci.PulledLayer;
import dev.banger.plugins.image.oci.RegistryOptions;
import dev.banger.plugins.image.rootfs.LayerSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Layers pulled from an OCI registry into the verified blob cache. */
public record RegistrySource(ImageReference ref, Platform platform, RegistryOptions options, BlobCache cache) implements LayerSource {
    @Override
    public FetchedLayers fetch(Path work, OperationProgress progress) throws IOException {
        PulledImage image = new OciPuller(cache, options).pull(ref, platform, progress);
        // a single-platform manifest is not chosen from an index: check its config says what was asked for
        var cfg = image.config();
        Platform actual = new Platform(cfg.path("os").asText(), cfg.path("architecture").asText(), cfg.path("variant").asText(null));
        if (!cfg.path("architecture").asText().isEmpty() && !platform.accepts(actual)) {
            throw dev.banger.kernel.api.wire.RpcException.notFound(ref + " is a " + actual.os() + "/" + actual.architecture()
                    + " image, not " + platform.os() + "/" + platform.architecture());
        }
        List<LayerSupplier> layers = new ArrayList<>();
        int i = 0;
        for (PulledLayer layer : image.layers()) {
            // a prune may empty the cache between the pull and the flatten: keep our own link to each blob
            Path pinned = pin(layer.blob(), work.resolve("layer-" + i++));
            layers.add(LayerSupplier.of(layer.digest(), pinned, () -> LayerStreams.open(pinned, layer.mediaType())));
        }
        return new FetchedLayers(layers, image.reference().toString(), image.manifestDigest());
    }

    private static Path pin(Path blob, Path target) throws IOException {
        try {
            return Files.createLink(target, blob);
        } catch (IOException | UnsupportedOperationException crossDevice) {
            return Files.copy(blob, target);
        }
    }
}
