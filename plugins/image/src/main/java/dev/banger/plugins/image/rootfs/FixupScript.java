package dev.banger.plugins.image.rootfs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debugfs commands that turn what {@code mkfs.ext4 -d} copied from the user-owned staging tree into what
 * the image says: owner and full mode of every inode (once per hard-link group), and real device nodes and
 * fifos in place of their placeholder files (debugfs's mknod only works in the current directory).
 */
final class FixupScript {
    private FixupScript() {
    }

    static List<String> commands(StagingTree tree) {
        List<String> out = new ArrayList<>();
        Map<FsNode, List<String>> specials = new IdentityHashMap<>();
        Map<FsNode, Boolean> done = new IdentityHashMap<>();
        tree.nodes().forEach((path, node) -> {
            if (node.type().isSpecial()) {
                specials.computeIfAbsent(node, n -> new ArrayList<>()).add(path);
            } else if (done.put(node, Boolean.TRUE) == null) {
                setOwnerAndMode(out, path, node);
            }
        });
        specials.forEach((node, paths) -> makeSpecial(out, node, paths));
        return out;
    }

    private static void setOwnerAndMode(List<String> out, String path, FsNode node) {
        String p = Debugfs.quote(path);
        out.add("sif " + p + " uid " + node.uid());
        out.add("sif " + p + " gid " + node.gid());
        if (node.type() != NodeType.SYMLINK) { // a symlink's permission bits mean nothing on Linux
            out.add("sif " + p + " mode 0" + Integer.toOctalString(node.fullMode()));
        }
    }

    private static void makeSpecial(List<String> out, FsNode node, List<String> paths) {
        for (String path : paths) {
            out.add("rm " + Debugfs.quote(path));
        }
        String first = paths.get(0);
        out.add("cd " + Debugfs.quote(ImagePath.parent(first)));
        out.add("mknod " + Debugfs.quote(ImagePath.name(first)) + " " + mknodType(node));
        out.add("cd /");
        for (String other : paths.subList(1, paths.size())) {
            out.add("ln " + Debugfs.quote(first) + " " + Debugfs.quote(other));
        }
        if (paths.size() > 1) { // debugfs ln does not count links itself
            out.add("sif " + Debugfs.quote(first) + " links_count " + paths.size());
        }
        setOwnerAndMode(out, first, node);
    }

    private static String mknodType(FsNode node) {
        return switch (node.type()) {
            case FIFO -> "p";
            case CHAR_DEVICE -> "c " + node.devMajor() + " " + node.devMinor();
            case BLOCK_DEVICE -> "b " + node.devMajor() + " " + node.devMinor();
            default -> throw new IllegalArgumentException("not a special node: " + node.type());
        };
    }
}
