package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Resolves an image path the way the guest's kernel would with the image as its root, using the metadata
 * (not the host's filesystem, whose symlinks point at the host). A symlink that climbs above the root is
 * refused instead of being clamped: a layer that needs it is hostile or broken.
 */
final class SymlinkResolver {
    private static final int MAX_SYMLINK_HOPS = 40;

    private final Map<String, FsNode> nodes;

    SymlinkResolver(Map<String, FsNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * The canonical path of {@code path}: symlinks in parent components are followed, the last component
     * only when {@code followLast}. Components that do not exist yet are kept as they are.
     */
    String resolve(String path, boolean followLast, String what) {
        Deque<String> todo = new ArrayDeque<>(ImagePath.components(path));
        List<String> done = new ArrayList<>();
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (done.isEmpty()) {
                    throw RpcException.badRequest(what + ": a symlink on the way to '" + path + "' leads outside the image root");
                }
                done.remove(done.size() - 1);
                continue;
            }
            String candidate = join(done, part);
            FsNode node = nodes.get(candidate);
            boolean last = todo.isEmpty();
            if (node != null && node.type() == NodeType.SYMLINK && (!last || followLast)) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw RpcException.badRequest(what + ": too many levels of symlinks resolving '" + path + "'");
                }
                String target = node.symlinkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> targetParts = ImagePath.components(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    todo.addFirst(targetParts.get(i));
                }
                continue;
            }
            if (node != null && !last && node.type() != NodeType.DIRECTORY) {
                throw RpcException.badRequest(what + ": '" + candidate + "' is not a directory but '" + path + "' needs it to be one");
            }
            done.add(part);
        }
        return done.isEmpty() ? ImagePath.ROOT : join(done.subList(0, done.size() - 1), done.get(done.size() - 1));
    }

    private static String join(List<String> parts, String last) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            out.append('/').append(p);
        }
        return out.append('/').append(last).toString();
    }
}
