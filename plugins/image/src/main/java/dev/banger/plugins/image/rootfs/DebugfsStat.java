package dev.banger.plugins.image.rootfs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fields of a debugfs {@code stat} report that the inspector needs. */
record DebugfsStat(NodeType type, int permissions, int uid, int gid, long size, int links,
                   int devMajor, int devMinor, String fastLinkTarget) {
    private static final Pattern TYPE_MODE = Pattern.compile("Type: ([a-zA-Z ]+?)\\s+Mode:\\s+(\\d+)");
    private static final Pattern OWNER_SIZE = Pattern.compile("User:\\s+(\\d+)\\s+Group:\\s+(\\d+).*?Size: (\\d+)");
    private static final Pattern LINKS = Pattern.compile("Links: (\\d+)");
    private static final Pattern DEVICE = Pattern.compile("Device major/minor number: (\\d+):(\\d+)");
    private static final Pattern FAST_LINK = Pattern.compile("^Fast link dest: \"(.*)\"$", Pattern.MULTILINE);

    static DebugfsStat parse(String stat) {
        Matcher tm = find(TYPE_MODE, stat);
        Matcher om = find(OWNER_SIZE, stat);
        Matcher dev = DEVICE.matcher(stat);
        boolean hasDevice = dev.find();
        Matcher fast = FAST_LINK.matcher(stat);
        return new DebugfsStat(type(tm.group(1).trim()), Integer.parseInt(tm.group(2), 8),
                Integer.parseInt(om.group(1)), Integer.parseInt(om.group(2)), Long.parseLong(om.group(3)),
                Integer.parseInt(find(LINKS, stat).group(1)),
                hasDevice ? Integer.parseInt(dev.group(1)) : 0, hasDevice ? Integer.parseInt(dev.group(2)) : 0,
                fast.find() ? fast.group(1) : null);
    }

    private static Matcher find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected debugfs stat output (no " + p + "):\n" + text);
        }
        return m;
    }

    private static NodeType type(String name) {
        return switch (name) {
            case "regular" -> NodeType.FILE;
            case "directory" -> NodeType.DIRECTORY;
            case "symlink" -> NodeType.SYMLINK;
            case "character special" -> NodeType.CHAR_DEVICE;
            case "block special" -> NodeType.BLOCK_DEVICE;
            case "FIFO" -> NodeType.FIFO;
            default -> throw new IllegalStateException("unknown inode type in debugfs stat: " + name);
        };
    }
}
