package dev.banger.plugins.image.oci;

import java.nio.file.Path;

/** One layer, in manifest order, verified in the blob cache. Open it with {@link LayerStreams#open}. */
public record PulledLayer(String digest, String mediaType, long size, Path blob) {
}
