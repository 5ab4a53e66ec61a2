package dev.banger.plugins.image.build;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.api.GuestInfo;
import dev.banger.plugins.image.api.ImageSummary;
import dev.banger.kernel.api.files.FileTrees;
import dev.banger.plugins.image.files.StagingArea;
import dev.banger.plugins.image.rootfs.BuiltRootfs;
import dev.banger.plugins.image.rootfs.GuestFeatures;
import dev.banger.plugins.image.rootfs.RootfsBuilder;
import dev.banger.plugins.image.store.ImageStore;
import java.nio.file.Files;
import dev.banger.kernel.api.files.DiskSpace;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * Turns layers into a registered image: everything happens in a staging directory that becomes
 * {@code images/<name>} by one rename, and the database row is written last. A failure or cancel at
 * any step leaves nothing; a crash leaves only staging (removed at the next start).
 */
public final class ImageBuild {
    public static final String ROOTFS = "rootfs.ext4";
    private static final Object PUBLISH = new Object();

    private final ImageStore store;
    private final StagingArea images;
    private final RootfsBuilder rootfs;

    public ImageBuild(ImageStore store, StagingArea images, RootfsBuilder rootfs) {
        this.store = store;
        this.images = images;
        this.rootfs = rootfs;
    }

    /** Refuses a taken name before any work starts (checked again at publish time). */
    public void checkFree(String name, boolean replace) throws Exception {
        if (!replace && (store.find(name).isPresent() || Files.exists(images.entry(name)))) {
            throw alreadyExists(name);
        }
    }

    public ImageSummary run(String name, LayerSource source, OptionalLong size, boolean replace, OperationProgress progress) throws Exception {
        Path staging = images.newStaging();
        try {
            Path work = Files.createDirectory(staging.resolve("work"));
            FetchedLayers layers = source.fetch(work, progress);
            progress.checkCancelled();
            BuiltRootfs built = rootfs.build(layers.layers(), staging.resolve(ROOTFS), size, progress);
            FileTrees.deleteRecursively(work);
            progress.checkCancelled();
            progress.stage("register");
            ImageSummary image = new ImageSummary(name, layers.source(), layers.digest(), images.entry(name).resolve(ROOTFS).toString(),
                    built.sizeBytes(), built.contentBytes(), guest(built.features()), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            synchronized (PUBLISH) {
                if (replace) {
                    store.delete(name);
                }
                if (!images.publish(staging, name, replace)) {
                    throw alreadyExists(name);
                }
                store.insert(image);
            }
            return image;
        } catch (Exception e) {
            if (DiskSpace.exhausted(e) && !(e instanceof RpcException r && r.code() == ErrorCode.NO_SPACE)) {
                throw DiskSpace.error(images.root(), "building image " + name + " (the unpacked layers, then its ext4 file)", -1);
            }
            throw e;
        } finally {
            FileTrees.deleteQuietly(staging); // gone already once published
        }
    }

    static GuestInfo guest(GuestFeatures f) {
        return new GuestInfo(f.systemd(), f.sshd(), f.initPath(), f.packageManager(), f.osId(), f.osVersionId());
    }

    private static RpcException alreadyExists(String name) {
        return new RpcException(ErrorCode.ALREADY_EXISTS, "image '" + name + "' already exists; delete it first, pick another --name, or pass --force");
    }
}
