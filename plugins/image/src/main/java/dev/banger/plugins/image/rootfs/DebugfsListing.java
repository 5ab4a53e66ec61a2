package dev.banger.plugins.image.rootfs;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code ls -p} output: one "/inode/mode/uid/gid/name/size/" line per entry ("/" can't be in a name). */
final class DebugfsListing {
    private DebugfsListing() {
    }

    record Row(long inode, int mode, String name) {
    }

    static List<Row> parse(String output) {
        List<Row> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith("/")) {
                continue;
            }
            String[] f = line.split("/", -1);
            if (f.length < 7) {
                continue;
            }
            String name = f[5];
            if (name.equals(".") || name.equals("..") || f[1].equals("0")) { // inode 0: an unused slot
                continue;
            }
            rows.add(new Row(Long.parseLong(f[1]), Integer.parseInt(f[2], 8), name));
        }
        return rows;
    }
}
