package dev.banger.plugins.image.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A directory as a tar stream (written by a background thread into a pipe), so an imported tree
 * takes the same flatten → ext4 path as registry layers and keeps its owners and modes.
 * Device nodes and fifos in an imported directory are not carried over (a tar import keeps them).
 */
final class DirectoryTar {
    private DirectoryTar() {
    }

    static InputStream stream(Path dir) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> write(dir, out), "banger-import-tar");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void write(Path dir, PipedOutputStream pipe) {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(pipe)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(dir)) {
                        add(tar, dir, d);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        add(tar, dir, f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // the reader sees the broken pipe as a truncated tar and fails the build with it
        }
    }

    private static void add(TarArchiveOutputStream tar, Path root, Path p) throws IOException {
        String name = root.relativize(p).toString();
        Map<String, Object> unix = Files.readAttributes(p, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry e;
        if (Files.isSymbolicLink(p)) {
            e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
        } else {
            e = new TarArchiveEntry(p.toFile(), Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
        }
        e.setUserId((Integer) unix.get("uid"));
        e.setGroupId((Integer) unix.get("gid"));
        e.setMode((Integer) unix.get("mode"));
        tar.putArchiveEntry(e);
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
    }
}
