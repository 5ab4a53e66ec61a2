package dev.banger.plugins.image.rootfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds one small layer tar in memory, entry by entry, as an image builder would write it. */
public final class TarFixture {
    private static final long MTIME = 1_700_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    public TarFixture() {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    public TarFixture dir(String name, int mode, int uid, int gid) {
        return put(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode, uid, gid), null);
    }

    public TarFixture dir(String name) {
        return dir(name, 0755, 0, 0);
    }

    public TarFixture file(String name, String content, int mode, int uid, int gid) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, mode, uid, gid);
        e.setSize(data.length);
        return put(e, data);
    }

    public TarFixture file(String name, String content) {
        return file(name, content, 0644, 0, 0);
    }

    public TarFixture symlink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777, 0, 0);
        e.setLinkName(target);
        return put(e, null);
    }

    public TarFixture hardLink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644, 0, 0);
        e.setLinkName(target);
        return put(e, null);
    }

    public TarFixture device(String name, byte linkFlag, int major, int minor, int mode, int uid, int gid) {
        TarArchiveEntry e = entry(name, linkFlag, mode, uid, gid);
        e.setDevMajor(major);
        e.setDevMinor(minor);
        return put(e, null);
    }

    public TarFixture fifo(String name, int mode) {
        return put(entry(name, TarConstants.LF_FIFO, mode, 0, 0), null);
    }

    public TarFixture whiteout(String dir, String hiddenName) {
        return file((dir.isEmpty() ? "" : dir + "/") + ".wh." + hiddenName, "");
    }

    public TarFixture opaque(String dir) {
        return file(dir + "/.wh..wh..opq", "");
    }

    /** An entry whose name is written exactly as given (for tar-slip cases such as absolute names). */
    public TarFixture rawFile(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(1);
        e.setModTime(MTIME);
        return put(e, new byte[] {'x'});
    }

    public byte[] build() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static LayerSupplier layer(String name, byte[] tarBytes) {
        return LayerSupplier.of(name, () -> new ByteArrayInputStream(tarBytes));
    }

    static LayerSupplier layer(Path tarFile) {
        return LayerSupplier.of(tarFile.getFileName().toString(), () -> Files.newInputStream(tarFile));
    }

    private static TarArchiveEntry entry(String name, byte linkFlag, int mode, int uid, int gid) {
        TarArchiveEntry e = new TarArchiveEntry(name, linkFlag);
        e.setMode(mode);
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setModTime(MTIME);
        return e;
    }

    private TarFixture put(TarArchiveEntry e, byte[] data) {
        try {
            tar.putArchiveEntry(e);
            if (data != null) {
                tar.write(data);
            }
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }
}
