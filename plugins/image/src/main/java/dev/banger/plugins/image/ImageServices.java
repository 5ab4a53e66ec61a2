package dev.banger.plugins.image;

import dev.banger.kernel.api.PluginHome;
import dev.banger.plugins.image.kernel.KernelStore;
import dev.banger.plugins.image.oci.BlobCache;
import dev.banger.plugins.image.store.ImageStore;
import dev.banger.plugins.image.build.ImageBuild;
import dev.banger.plugins.image.files.StagingArea;
import dev.banger.plugins.image.rootfs.RootfsBuilder;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image plugin's long-lived parts, created on first use (loading the plugin, as the CLI also
 * does, touches nothing). Creating them cleans what a crash or kill left behind: staging
 * directories and unverified blobs never survive into a running daemon.
 */
final class ImageServices {
    private static final Logger LOG = LoggerFactory.getLogger("banger.image");
    private static ImageServices instance;

    final ImageStore store;
    /** {@code <data>/images/<name>/rootfs.ext4}, published by atomic rename. */
    final StagingArea images;
    final KernelStore kernels;
    /** One per process: concurrent pulls of the same blob share a download through it. */
    final BlobCache blobs;
    final ImageBuild build;

    private ImageServices(PluginHome home) throws SQLException, IOException {
        this.store = ImageStore.open(home);
        this.images = new StagingArea(home.dataDir().resolve("images"));
        this.kernels = new KernelStore(home.dataDir().resolve("kernels"));
        this.blobs = new BlobCache(home.cacheDir());
        this.build = new ImageBuild(store, images, new RootfsBuilder());
        int leftovers = images.cleanup() + kernels.cleanupStaging() + removeOrphans();
        blobs.removeLeftovers();
        if (leftovers > 0) {
            LOG.info("removed {} staging director(ies) left by an interrupted pull or import", leftovers);
        }
    }

    /** An image directory without its row: a crash hit between publishing the files and writing the row. */
    private int removeOrphans() throws SQLException, IOException {
        int removed = 0;
        for (java.nio.file.Path dir : images.entries()) {
            String name = dir.getFileName().toString();
            if (store.find(name).isEmpty() && images.remove(name)) {
                removed++;
            }
        }
        return removed;
    }

    static synchronized ImageServices of(PluginHome home) throws SQLException, IOException {
        if (instance == null) {
            instance = new ImageServices(home);
        }
        return instance;
    }
}
