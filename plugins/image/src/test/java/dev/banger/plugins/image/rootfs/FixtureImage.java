package dev.banger.plugins.image.rootfs;

import static org.apache.commons.compress.archivers.tar.TarConstants.LF_BLK;
import static org.apache.commons.compress.archivers.tar.TarConstants.LF_CHR;

import java.util.List;

/**
 * A three-layer image that exercises every rule of flattening: whiteouts, opaque directories (also one
 * whose marker comes after the layer's own entries), a directory replaced by a file and the reverse, hard
 * links (one to a file a later layer whites out, one to a device), relative, absolute and long symlinks, a
 * write through an in-image symlink (lib -> usr/lib), devices, a fifo, setuid/setgid/sticky and other owners.
 */
public final class FixtureImage {
    static final String LONG_TARGET = "/usr/share/" + "very-long-directory-name/".repeat(4) + "target";

    private FixtureImage() {
    }

    static byte[] layer1() {
        return new TarFixture()
                .dir("./")
                .dir("etc").file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n").file("etc/shadow", "root:*::0:::::\n", 0640, 0, 42)
                .dir("usr").dir("usr/bin").file("usr/bin/tool", "#!/bin/sh\necho tool\n", 0755, 0, 0)
                .file("usr/bin/su", "su-binary", 04755, 0, 0).file("usr/bin/wall", "wall-binary", 02755, 0, 5)
                .dir("usr/lib").symlink("lib", "usr/lib")
                .dir("tmp", 01777, 0, 0)
                .dir("home").dir("home/user", 0750, 1000, 1000).file("home/user/notes.txt", "mine\n", 0600, 1000, 1000)
                .dir("var").dir("var/nobody", 0700, 65534, 65534).file("var/nobody/file", "nobody's\n", 0644, 65534, 65534)
                .dir("old").file("old/a", "a").file("old/b", "b")
                .file("becomes-dir", "I am a file for now")
                .dir("opq").file("opq/lower1", "lower").dir("opq/sub").file("opq/sub/lower2", "lower")
                .dir("opq2").file("opq2/lower", "lower")
                .file("gone.txt", "to be whited out")
                .dir("data").file("data/orig", "shared content").hardLink("data/link", "data/orig")
                .file("data/keep1", "kept pair", 0600, 1000, 1000).hardLink("data/keep2", "data/keep1")
                .dir("links").symlink("links/rel", "../usr/bin/tool").symlink("links/abs", "/etc/passwd")
                .symlink("links/long", LONG_TARGET)
                .dir("dev").device("dev/null", LF_CHR, 1, 3, 0666, 0, 0).device("dev/sda", LF_BLK, 8, 0, 0660, 0, 6)
                .fifo("dev/initctl", 0600).hardLink("dev/null-again", "dev/null")
                .device("dev/ttyS0", LF_CHR, 4, 64, 0620, 0, 5)
                .build();
    }

    static byte[] layer2() {
        return new TarFixture()
                .file("old", "a file where a directory was")
                .dir("becomes-dir").file("becomes-dir/inside", "now a directory")
                .opaque("opq").file("opq/new", "upper")
                .whiteout("", "gone.txt")
                .whiteout("data", "orig")
                .file("lib/libx.so", "library via the lib symlink", 0755, 0, 0)
                .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n")
                .file("usr/bin/tool", "#!/bin/sh\necho tool v2\n", 0700, 1000, 1000)
                .build();
    }

    static byte[] layer3() {
        // the opaque marker comes after this layer's own entry: it must only hide lower content
        return new TarFixture()
                .dir("opq2").file("opq2/fresh", "same layer")
                .opaque("opq2")
                .whiteout("dev", "sda")
                .build();
    }

    public static List<byte[]> layers() {
        return List.of(layer1(), layer2(), layer3());
    }

    static List<LayerSupplier> suppliers() {
        List<byte[]> tars = layers();
        return List.of(TarFixture.layer("fixture-1", tars.get(0)), TarFixture.layer("fixture-2", tars.get(1)),
                TarFixture.layer("fixture-3", tars.get(2)));
    }

    /**
     * Every path the flattened image must contain (besides mkfs's lost+found), one line each:
     * path type uid:gid mode size links target-or-device. Directory sizes are left out (block sized).
     */
    public static final String EXPECTED = """
            /becomes-dir DIRECTORY 0:0 0755 - 2
            /becomes-dir/inside FILE 0:0 0644 15 1
            /data DIRECTORY 0:0 0755 - 2
            /data/keep1 FILE 1000:1000 0600 9 2
            /data/keep2 FILE 1000:1000 0600 9 2
            /data/link FILE 0:0 0644 14 1
            /dev DIRECTORY 0:0 0755 - 2
            /dev/initctl FIFO 0:0 0600 0 1
            /dev/null CHAR_DEVICE 0:0 0666 0 2 dev=1:3
            /dev/null-again CHAR_DEVICE 0:0 0666 0 2 dev=1:3
            /dev/ttyS0 CHAR_DEVICE 0:5 0620 0 1 dev=4:64
            /etc DIRECTORY 0:0 0755 - 2
            /etc/passwd FILE 0:0 0644 67 1
            /etc/shadow FILE 0:42 0640 15 1
            /home DIRECTORY 0:0 0755 - 3
            /home/user DIRECTORY 1000:1000 0750 - 2
            /home/user/notes.txt FILE 1000:1000 0600 5 1
            /lib SYMLINK 0:0 0777 7 1 -> usr/lib
            /links DIRECTORY 0:0 0755 - 2
            /links/abs SYMLINK 0:0 0777 11 1 -> /etc/passwd
            /links/long SYMLINK 0:0 0777 117 1 -> %s
            /links/rel SYMLINK 0:0 0777 15 1 -> ../usr/bin/tool
            /old FILE 0:0 0644 28 1
            /opq DIRECTORY 0:0 0755 - 2
            /opq/new FILE 0:0 0644 5 1
            /opq2 DIRECTORY 0:0 0755 - 2
            /opq2/fresh FILE 0:0 0644 10 1
            /tmp DIRECTORY 0:0 1777 - 2
            /usr DIRECTORY 0:0 0755 - 4
            /usr/bin DIRECTORY 0:0 0755 - 2
            /usr/bin/su FILE 0:0 4755 9 1
            /usr/bin/tool FILE 1000:1000 0700 23 1
            /usr/bin/wall FILE 0:5 2755 11 1
            /usr/lib DIRECTORY 0:0 0755 - 2
            /usr/lib/libx.so FILE 0:0 0755 27 1
            /var DIRECTORY 0:0 0755 - 3
            /var/nobody DIRECTORY 65534:65534 0700 - 2
            /var/nobody/file FILE 65534:65534 0644 9 1
            """.formatted(LONG_TARGET);

    /** The listing line format of {@link #EXPECTED}. */
    static String describe(Ext4Entry e) {
        String size = e.type() == NodeType.DIRECTORY ? "-" : Long.toString(e.size());
        String extra = e.symlinkTarget() != null ? " -> " + e.symlinkTarget()
                : e.type() == NodeType.CHAR_DEVICE || e.type() == NodeType.BLOCK_DEVICE ? " dev=" + e.devMajor() + ":" + e.devMinor() : "";
        return String.format("%s %s %d:%d %04o %s %d%s", e.path(), e.type(), e.uid(), e.gid(), e.permissions(), size,
                e.linkCount(), extra);
    }

    public static List<String> describeAll(List<Ext4Entry> entries) {
        return entries.stream().filter(e -> !e.path().startsWith("/lost+found")).map(FixtureImage::describe).toList();
    }
}
