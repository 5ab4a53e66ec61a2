package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A pulled image: the platform manifest's digest, its config, and its layers (base first).
 *
 * @param reference      what was asked for, pinned to the manifest digest that was resolved
 * @param manifestDigest the digest of the platform's image manifest (not of the index)
 */
public record PulledImage(ImageReference reference, String manifestDigest, JsonNode config, List<PulledLayer> layers) {
    public PulledImage {
        layers = List.copyOf(layers);
    }
}
