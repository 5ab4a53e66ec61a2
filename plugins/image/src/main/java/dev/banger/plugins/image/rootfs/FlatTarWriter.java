package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a staging tree as one tar with the real owners, modes and device numbers, in the order
 * {@code mke2fs -d tar} needs: parents before children (sorted paths give that) and a hard link after its
 * target, which carries the metadata.
 */
final class FlatTarWriter {
    private FlatTarWriter() {
    }

    static void write(StagingTree tree, Path tarFile) throws IOException {
        Map<FsNode, String> firstPath = new IdentityHashMap<>();
        try (OutputStream out = Files.newOutputStream(tarFile); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, FsNode> e : tree.nodes().entrySet()) {
                String path = e.getKey();
                FsNode node = e.getValue();
                String earlier = firstPath.putIfAbsent(node, path);
                TarArchiveEntry entry = entryFor(path, node, earlier);
                tar.putArchiveEntry(entry);
                if (earlier == null && node.type() == NodeType.FILE) {
                    try (InputStream in = Files.newInputStream(tree.hostPath(path))) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
        }
    }

    private static TarArchiveEntry entryFor(String path, FsNode node, String hardLinkTarget) {
        String name = path.equals(ImagePath.ROOT) ? "./" : "." + path + (node.type() == NodeType.DIRECTORY ? "/" : "");
        TarArchiveEntry entry;
        if (hardLinkTarget != null) {
            entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
            entry.setLinkName("." + hardLinkTarget);
        } else {
            entry = new TarArchiveEntry(name, linkFlag(node.type()));
            if (node.type() == NodeType.SYMLINK) {
                entry.setLinkName(node.symlinkTarget());
            } else if (node.type() == NodeType.FILE) {
                entry.setSize(node.size());
            } else if (node.type() == NodeType.CHAR_DEVICE || node.type() == NodeType.BLOCK_DEVICE) {
                entry.setDevMajor(node.devMajor());
                entry.setDevMinor(node.devMinor());
            }
        }
        entry.setMode(node.permissions());
        entry.setUserId(node.uid());
        entry.setGroupId(node.gid());
        entry.setModTime(node.mtimeMillis());
        return entry;
    }

    private static byte linkFlag(NodeType type) {
        return switch (type) {
            case FILE -> TarConstants.LF_NORMAL;
            case DIRECTORY -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            case CHAR_DEVICE -> TarConstants.LF_CHR;
            case BLOCK_DEVICE -> TarConstants.LF_BLK;
            case FIFO -> TarConstants.LF_FIFO;
        };
    }
}
