package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Layers in, bootable ext4 out: flatten into a staging directory beside {@code outImage}, prepare the guest,
 * build ext4, rename into place. The staging directory is removed whatever happens; a crash leaves only
 * hidden leftovers that {@link #cleanupLeftovers} sweeps.
 */
public final class RootfsBuilder {
    static final String STAGING_PREFIX = ".rootfs-staging-";

    private final Ext4Builder ext4;
    private final GuestPreparer guest;

    public RootfsBuilder() {
        this(new Ext4Builder(), new GuestPreparer());
    }

    public RootfsBuilder(Ext4Builder ext4, GuestPreparer guest) {
        this.ext4 = ext4;
        this.guest = guest;
    }

    public BuiltRootfs build(List<LayerSupplier> layers, Path outImage, OptionalLong size, OperationProgress progress) {
        Path staging = outImage.toAbsolutePath().resolveSibling(STAGING_PREFIX + UUID.randomUUID());
        try {
            progress.stage("flatten");
            StagingTree tree = new LayerFlattener(0.6).flatten(layers, staging, progress);
            progress.checkCancelled();
            progress.stage("guest");
            GuestFeatures features = guest.prepare(tree);
            progress.progress(0.65);
            Ext4Sizing sizing = ext4.build(tree, outImage, size, progress);
            progress.progress(1.0);
            return new BuiltRootfs(outImage, sizing.sizeBytes(), tree.contentBytes(), features);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /** Removes staging directories and partial images a crashed or killed build left in {@code dir}. */
    public static void cleanupLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) || (name.startsWith(".") && name.contains(Ext4Builder.PARTIAL_MARKER))) {
                    FileTrees.deleteRecursively(p);
                }
            }
        }
    }
}
