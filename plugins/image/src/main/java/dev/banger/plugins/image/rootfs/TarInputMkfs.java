package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * e2fsprogs ≥ 1.47.1: {@code mke2fs -d flat.tar} keeps owners, modes and devices itself. Not exercised on
 * hosts with e2fsprogs 1.47.0 (Debian 12), where {@link DirectoryMkfs} runs instead.
 */
final class TarInputMkfs {
    void build(StagingTree tree, Path image, Ext4Sizing sizing, OperationProgress progress) {
        progress.stage("mkfs");
        Path tar = image.resolveSibling(image.getFileName() + ".tar");
        try {
            FlatTarWriter.write(tree, tar);
            progress.checkCancelled();
            HostCommand.of(List.of(HostTools.find("mke2fs"), "-q", "-F", "-t", "ext4", "-L", "rootfs",
                    "-N", Long.toString(sizing.inodes()), "-d", tar.toString(), image.toString())).cancelledBy(progress).timeout(java.time.Duration.ofMinutes(30)).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteQuietly(tar);
        }
    }

}
