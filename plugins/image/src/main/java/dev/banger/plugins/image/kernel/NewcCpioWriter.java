package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Writes a newc cpio archive (the format the kernel unpacks as an initramfs), owned by root whatever
 * user builds it, with device nodes that a non-root process could never create on disk. Parent
 * directories are added automatically, before their children.
 */
final class NewcCpioWriter implements AutoCloseable {
    private final CpioArchiveOutputStream cpio;
    private final Set<String> directories = new HashSet<>();
    private long nextInode = 1; // the kernel treats equal inode numbers with nlink > 1 as hard links
    private final long mtime = System.currentTimeMillis() / 1000;

    NewcCpioWriter(OutputStream out) {
        this.cpio = new CpioArchiveOutputStream(out, CpioConstants.FORMAT_NEW);
    }

    void directory(String path) throws IOException {
        if (path.isEmpty() || directories.contains(path)) {
            return;
        }
        parentsOf(path);
        directories.add(path);
        put(entry(path, CpioConstants.C_ISDIR | 0755, 0), null);
    }

    void file(String path, int permissions, Path source) throws IOException {
        parentsOf(path);
        try (InputStream in = Files.newInputStream(source)) {
            put(entry(path, CpioConstants.C_ISREG | permissions, Files.size(source)), in);
        }
    }

    void file(String path, int permissions, byte[] content) throws IOException {
        parentsOf(path);
        put(entry(path, CpioConstants.C_ISREG | permissions, content.length), new java.io.ByteArrayInputStream(content));
    }

    void symlink(String path, String target) throws IOException {
        parentsOf(path);
        byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
        put(entry(path, CpioConstants.C_ISLNK | 0777, bytes.length), new java.io.ByteArrayInputStream(bytes));
    }

    void characterDevice(String path, int permissions, int major, int minor) throws IOException {
        parentsOf(path);
        CpioArchiveEntry entry = entry(path, CpioConstants.C_ISCHR | permissions, 0);
        entry.setRemoteDeviceMaj(major);
        entry.setRemoteDeviceMin(minor);
        put(entry, null);
    }

    private void parentsOf(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            directory(path.substring(0, slash));
        }
    }

    private CpioArchiveEntry entry(String path, long mode, long size) {
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, path, size);
        entry.setMode(mode);
        entry.setInode(nextInode++);
        entry.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
        entry.setUID(0);
        entry.setGID(0);
        entry.setTime(mtime);
        return entry;
    }

    private void put(CpioArchiveEntry entry, InputStream content) throws IOException {
        cpio.putArchiveEntry(entry);
        if (content != null) {
            content.transferTo(cpio);
        }
        cpio.closeArchiveEntry();
    }

    @Override
    public void close() throws IOException {
        cpio.close();
    }
}
