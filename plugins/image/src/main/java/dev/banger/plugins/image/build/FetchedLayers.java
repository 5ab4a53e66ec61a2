package dev.banger.plugins.image.build;

import dev.banger.plugins.image.rootfs.LayerSupplier;
import java.util.List;

/** Uncompressed tar layers in apply order, plus what to record about where they came from. */
public record FetchedLayers(List<LayerSupplier> layers, String source, String digest) {
}
