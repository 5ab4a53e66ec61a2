package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A flattened root filesystem being assembled: file contents in a staging directory owned by the current
 * user, and the truth about every path (owner, full mode, type, device numbers, hard-link identity) in
 * {@link #nodes()}. Paths given here are canonical (see {@link #canonical}); only the final component of
 * an entry is ever replaced, never written through.
 */
public final class StagingTree {
    private final Path root;
    private final TreeMap<String, FsNode> nodes = new TreeMap<>();
    private final SymlinkResolver resolver = new SymlinkResolver(nodes);

    private StagingTree(Path root) {
        this.root = root;
        nodes.put(ImagePath.ROOT, new FsNode(NodeType.DIRECTORY, 0, 0, 0755));
    }

    /** Creates the (new, empty) staging directory. */
    public static StagingTree create(Path root) throws IOException {
        Files.createDirectory(root);
        return new StagingTree(root);
    }

    public Path root() {
        return root;
    }

    /** Every path of the image, sorted so a directory comes before what it contains. */
    public SortedMap<String, FsNode> nodes() {
        return Collections.unmodifiableSortedMap(nodes);
    }

    public FsNode get(String canonicalPath) {
        return nodes.get(canonicalPath);
    }

    /** Where a canonical image path lives in the staging directory. */
    public Path hostPath(String canonicalPath) {
        return canonicalPath.equals(ImagePath.ROOT) ? root : root.resolve(canonicalPath.substring(1));
    }

    /** Resolves symlinks in the parent components (and in the last one when asked), refusing escapes. */
    public String canonical(String path, boolean followLast, String what) {
        return resolver.resolve(path, followLast, what);
    }

    /** The node a path finally refers to, following every symlink, or null (also for escaping links). */
    public FsNode lookupFollowing(String path) {
        try {
            return nodes.get(canonical(path, true, path));
        } catch (RpcException e) {
            return null;
        }
    }

    /** Creates the missing parents of an entry as root-owned 0755 directories, as tar extractors do. */
    public void ensureParents(String canonicalPath) throws IOException {
        String parent = ImagePath.parent(canonicalPath);
        if (nodes.containsKey(parent)) {
            return;
        }
        ensureParents(parent);
        putDirectory(parent, new FsNode(NodeType.DIRECTORY, 0, 0, 0755).mtimeMillis(System.currentTimeMillis()));
    }

    /** A directory over an existing directory only updates its metadata; over anything else it replaces. */
    public void putDirectory(String path, FsNode node) throws IOException {
        FsNode existing = nodes.get(path);
        if (existing != null && existing.type() == NodeType.DIRECTORY) {
            existing.owner(node.uid(), node.gid()).permissions(node.permissions()).mtimeMillis(node.mtimeMillis());
            return;
        }
        remove(path);
        Files.createDirectory(hostPath(path));
        nodes.put(path, node);
    }

    /** Streams one file's content; the caller's stream is read to its end but not closed. */
    public void putFile(String path, InputStream content, FsNode node) throws IOException {
        remove(path); // unlink first: writing over a hard-linked file would change its peers too
        Path host = hostPath(path);
        long size = Files.copy(new NonClosingInputStream(content), host);
        Files.setLastModifiedTime(host, FileTime.fromMillis(node.mtimeMillis()));
        nodes.put(path, node.size(size));
    }

    public void putSymlink(String path, FsNode node) throws IOException {
        remove(path);
        Files.createSymbolicLink(hostPath(path), Path.of(node.symlinkTarget()));
        nodes.put(path, node.size(node.symlinkTarget().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    /** Devices and fifos get an empty placeholder file; the ext4 builder turns it into the real node. */
    public void putSpecial(String path, FsNode node) throws IOException {
        remove(path);
        Files.createFile(hostPath(path));
        nodes.put(path, node);
    }

    public void putHardLink(String path, String canonicalTarget) throws IOException {
        if (path.equals(canonicalTarget)) {
            return;
        }
        FsNode target = nodes.get(canonicalTarget);
        remove(path);
        Files.createLink(hostPath(path), hostPath(canonicalTarget));
        nodes.put(path, target);
    }

    /** Removes a path and everything below it; a missing path is fine. */
    public void remove(String path) throws IOException {
        if (path.equals(ImagePath.ROOT) || !nodes.containsKey(path)) {
            return;
        }
        nodes.remove(path);
        nodes.subMap(path + "/", path + "0").clear(); // '0' sorts right after '/'
        FileTrees.deleteRecursively(hostPath(path));
    }

    /** Paths directly inside a directory. */
    public List<String> children(String dir) {
        String prefix = dir.equals(ImagePath.ROOT) ? "/" : dir + "/";
        List<String> out = new ArrayList<>();
        for (String p : nodes.subMap(prefix, prefix.substring(0, prefix.length() - 1) + "0").keySet()) {
            if (p.length() > prefix.length() && p.indexOf('/', prefix.length()) < 0) {
                out.add(p);
            }
        }
        return out;
    }

    /** Writes a small root-owned file (banger's own guest files), creating parents as needed. */
    public String writeFile(String absolutePath, byte[] content, int permissions) throws IOException {
        String path = canonical(ImagePath.of(absolutePath), false, absolutePath);
        ensureParents(path);
        putFile(path, new java.io.ByteArrayInputStream(content), FsNode.rootOwned(NodeType.FILE, permissions));
        return path;
    }

    /** Inodes with more than one path: the hard-link groups, each listed in path order. */
    public Map<FsNode, List<String>> hardLinkGroups() {
        Map<FsNode, List<String>> byNode = new IdentityHashMap<>();
        nodes.forEach((path, node) -> byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(path));
        byNode.values().removeIf(paths -> paths.size() < 2);
        return byNode;
    }

    /**
     * Bytes the content needs on ext4: file data rounded to 4 KiB blocks (each inode once), plus a block per
     * directory and per symlink too long to live inside its inode.
     */
    public long contentBytes() {
        Map<FsNode, Boolean> seen = new IdentityHashMap<>();
        long total = 0;
        for (FsNode node : nodes.values()) {
            if (seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            switch (node.type()) {
                case FILE -> total += (node.size() + 4095) / 4096 * 4096;
                case DIRECTORY -> total += 4096;
                case SYMLINK -> total += node.size() >= 60 ? 4096 : 0;
                default -> { }
            }
        }
        return total;
    }

    /** Copies directory mtimes to the staging tree last, since adding children changed them. */
    public void applyDirectoryTimes() {
        nodes.descendingMap().forEach((path, node) -> {
            if (node.type() == NodeType.DIRECTORY && node.mtimeMillis() > 0) {
                try {
                    Files.setLastModifiedTime(hostPath(path), FileTime.fromMillis(node.mtimeMillis()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
