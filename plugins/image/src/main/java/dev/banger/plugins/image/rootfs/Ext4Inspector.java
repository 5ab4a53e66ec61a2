package dev.banger.plugins.image.rootfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists every path of an ext4 image with debugfs: no mount, no root. Batched so that a 10k-file image costs
 * a handful of debugfs runs: one {@code ls -p} run per directory depth, one {@code stat} run for all inodes,
 * and one {@code cat} run for symlinks too long to live in their inode.
 */
public final class Ext4Inspector {
    private Ext4Inspector() {
    }

    /** Every path except "/" itself, sorted; lost+found is included as mkfs made it. */
    public static List<Ext4Entry> list(Path image) {
        Map<String, DebugfsListing.Row> rows = listAllPaths(image);
        Map<Long, DebugfsStat> stats = statAll(image, rows);
        Map<Long, String> longTargets = readLongSymlinks(image, stats);
        List<Ext4Entry> entries = new ArrayList<>(rows.size());
        rows.forEach((path, row) -> {
            DebugfsStat st = stats.get(row.inode());
            String target = st.type() != NodeType.SYMLINK ? null
                    : st.fastLinkTarget() != null ? st.fastLinkTarget() : longTargets.get(row.inode());
            entries.add(new Ext4Entry(path, row.inode(), st.type(), st.uid(), st.gid(), st.permissions(), st.size(),
                    target, st.devMajor(), st.devMinor(), st.links()));
        });
        entries.sort(Comparator.comparing(Ext4Entry::path));
        return entries;
    }

    private static Map<String, DebugfsListing.Row> listAllPaths(Path image) {
        Map<String, DebugfsListing.Row> all = new LinkedHashMap<>();
        List<String> level = List.of(ImagePath.ROOT);
        while (!level.isEmpty()) {
            List<String> commands = level.stream().map(d -> "ls -p " + Debugfs.quote(d)).toList();
            List<String> outputs = Debugfs.run(image, commands, false, null);
            List<String> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                for (DebugfsListing.Row row : DebugfsListing.parse(Debugfs.utf8(outputs.get(i)))) {
                    String path = ImagePath.child(level.get(i), row.name());
                    all.put(path, row);
                    if ((row.mode() & 0170000) == NodeType.DIRECTORY.modeBits()) {
                        next.add(path);
                    }
                }
            }
            level = next;
        }
        return all;
    }

    private static Map<Long, DebugfsStat> statAll(Path image, Map<String, DebugfsListing.Row> rows) {
        List<Long> inodes = rows.values().stream().map(DebugfsListing.Row::inode).distinct().toList();
        List<String> outputs = Debugfs.run(image, inodes.stream().map(i -> "stat <" + i + ">").toList(), false, null);
        Map<Long, DebugfsStat> stats = new LinkedHashMap<>();
        for (int i = 0; i < inodes.size(); i++) {
            try {
                stats.put(inodes.get(i), DebugfsStat.parse(Debugfs.utf8(outputs.get(i))));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("debugfs stat <" + inodes.get(i) + "> on " + image + ": " + e.getMessage(), e);
            }
        }
        return stats;
    }

    private static Map<Long, String> readLongSymlinks(Path image, Map<Long, DebugfsStat> stats) {
        List<Long> slow = new ArrayList<>();
        stats.forEach((ino, st) -> {
            if (st.type() == NodeType.SYMLINK && st.fastLinkTarget() == null) {
                slow.add(ino);
            }
        });
        Map<Long, String> targets = new LinkedHashMap<>();
        if (slow.isEmpty()) {
            return targets;
        }
        List<String> outputs = Debugfs.run(image, slow.stream().map(i -> "cat <" + i + ">").toList(), false, null);
        for (int i = 0; i < slow.size(); i++) {
            String raw = outputs.get(i); // cat prints exactly the target's bytes, no newline
            int length = (int) Math.min(stats.get(slow.get(i)).size(), raw.length());
            targets.put(slow.get(i), Debugfs.utf8(raw.substring(0, length)));
        }
        return targets;
    }
}
