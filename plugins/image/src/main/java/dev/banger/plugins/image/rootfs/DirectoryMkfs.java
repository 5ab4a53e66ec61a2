package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.OperationProgress;
import java.nio.file.Path;
import java.util.List;

/**
 * e2fsprogs < 1.47.1: {@code mkfs.ext4 -d staging} copies contents, hard links and symlinks but takes owners
 * and modes from the user-owned staging files, so one debugfs run then sets the real ones and makes devices.
 */
final class DirectoryMkfs {
    void build(StagingTree tree, Path image, Ext4Sizing sizing, OperationProgress progress) {
        progress.stage("mkfs");
        HostCommand.of(List.of(HostTools.find("mkfs.ext4"), "-q", "-F", "-L", "rootfs",
                "-N", Long.toString(sizing.inodes()), "-E", "root_owner=0:0",
                "-d", tree.root().toString(), image.toString())).cancelledBy(progress).timeout(java.time.Duration.ofMinutes(30)).run();
        progress.stage("fixup");
        Debugfs.run(image, FixupScript.commands(tree), true, progress);
    }
}
