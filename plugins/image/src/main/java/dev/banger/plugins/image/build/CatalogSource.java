package dev.banger.plugins.image.build;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.plugins.image.catalog.CatalogEntry;
import dev.banger.plugins.image.catalog.DebianTarballBuilder;
import dev.banger.plugins.image.rootfs.LayerSupplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A catalog entry built locally from Debian packages into one tar, treated as a single layer. */
public record CatalogSource(CatalogEntry entry) implements LayerSource {
    @Override
    public FetchedLayers fetch(Path work, OperationProgress progress) throws Exception {
        Path tar = new DebianTarballBuilder().build(entry, work.resolve("rootfs.tar"), work.resolve("mmdebstrap.log"), progress);
        return new FetchedLayers(List.of(LayerSupplier.of(entry.name(), tar, () -> Files.newInputStream(tar))), "catalog:" + entry.name(), null);
    }
}
