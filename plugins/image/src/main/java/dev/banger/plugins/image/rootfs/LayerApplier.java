package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies one OCI layer onto a staging tree with overlay semantics: {@code .wh.NAME} hides NAME from lower
 * layers, {@code .wh..wh..opq} hides everything lower in its directory, and an entry replaces whatever was
 * at its path unless both are directories. Whiteouts never remove what this same layer added, whatever the
 * order inside the tar (the OCI spec applies them to lower layers only).
 */
final class LayerApplier {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final StagingTree tree;
    private final OperationProgress progress;
    private final Set<String> addedByThisLayer = new HashSet<>();

    LayerApplier(StagingTree tree, OperationProgress progress) {
        this.tree = tree;
        this.progress = progress;
    }

    void apply(InputStream layer, String layerName) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(layer);
        TarArchiveEntry entry;
        int count = 0;
        while ((entry = tar.getNextEntry()) != null) {
            if (++count % 256 == 0) {
                progress.checkCancelled();
            }
            String what = layerName + " entry '" + entry.getName() + "'";
            String path = ImagePath.fromTarName(entry.getName(), what);
            String name = ImagePath.name(path);
            if (name.startsWith(WHITEOUT)) {
                applyWhiteout(path, name, what);
            } else {
                applyEntry(tar, entry, path, what);
            }
        }
    }

    private void applyWhiteout(String path, String name, String what) throws IOException {
        String dir = tree.canonical(ImagePath.parent(path), true, what);
        FsNode dirNode = tree.get(dir);
        if (dirNode == null || dirNode.type() != NodeType.DIRECTORY) {
            return; // hides something that is not there: nothing to do
        }
        if (name.equals(OPAQUE)) {
            hideLowerContent(dir);
        } else if (!name.startsWith(WHITEOUT + WHITEOUT)) { // other .wh..wh.* are aufs bookkeeping
            String hidden = ImagePath.child(dir, name.substring(WHITEOUT.length()));
            if (!addedByThisLayer.contains(hidden)) {
                tree.remove(hidden);
            }
        }
    }

    private void hideLowerContent(String dir) throws IOException {
        for (String child : tree.children(dir)) {
            if (!addedByThisLayer.contains(child)) {
                tree.remove(child);
            } else if (tree.get(child).type() == NodeType.DIRECTORY) {
                hideLowerContent(child);
            }
        }
    }

    private void applyEntry(TarArchiveInputStream tar, TarArchiveEntry entry, String path, String what) throws IOException {
        String target = tree.canonical(path, false, what);
        FsNode node = new FsNode(typeOf(entry, what), (int) entry.getLongUserId(), (int) entry.getLongGroupId(), entry.getMode())
                .mtimeMillis(entry.getLastModifiedTime().toMillis());
        if (target.equals(ImagePath.ROOT)) {
            if (node.type() == NodeType.DIRECTORY) {
                tree.putDirectory(target, node);
            }
            return;
        }
        tree.ensureParents(target);
        if (entry.isLink()) {
            tree.putHardLink(target, hardLinkTarget(entry, what));
        } else {
            switch (node.type()) {
                case DIRECTORY -> tree.putDirectory(target, node);
                case FILE -> tree.putFile(target, tar, node);
                case SYMLINK -> tree.putSymlink(target, node.symlinkTarget(symlinkTarget(entry, what)));
                default -> tree.putSpecial(target, node.device(entry.getDevMajor(), entry.getDevMinor()));
            }
        }
        addedByThisLayer.add(target);
    }

    private String hardLinkTarget(TarArchiveEntry entry, String what) {
        String linked = tree.canonical(ImagePath.fromTarName(entry.getLinkName(), what + " (hard link target)"), false, what);
        FsNode node = tree.get(linked);
        if (node == null) {
            throw RpcException.badRequest(what + ": hard link to '" + entry.getLinkName() + "', which does not exist");
        }
        if (node.type() == NodeType.DIRECTORY) {
            throw RpcException.badRequest(what + ": hard link to directory '" + entry.getLinkName() + "'");
        }
        return linked;
    }

    private static String symlinkTarget(TarArchiveEntry entry, String what) {
        String target = entry.getLinkName();
        if (target == null || target.isEmpty() || target.indexOf('\0') >= 0) {
            throw RpcException.badRequest(what + ": symlink with an empty or invalid target");
        }
        return target;
    }

    private static NodeType typeOf(TarArchiveEntry entry, String what) {
        if (entry.isDirectory()) {
            return NodeType.DIRECTORY;
        } else if (entry.isSymbolicLink()) {
            return NodeType.SYMLINK;
        } else if (entry.isCharacterDevice()) {
            return NodeType.CHAR_DEVICE;
        } else if (entry.isBlockDevice()) {
            return NodeType.BLOCK_DEVICE;
        } else if (entry.isFIFO()) {
            return NodeType.FIFO;
        } else if (entry.isFile() || entry.isLink()) {
            return NodeType.FILE;
        }
        throw RpcException.badRequest(what + ": unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
    }
}
