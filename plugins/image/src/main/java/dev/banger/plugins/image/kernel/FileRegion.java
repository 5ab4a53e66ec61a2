package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Reads small headers out of big binaries (kernels, modules, busybox) without loading the files. */
final class FileRegion {
    private static final int ELF_MAGIC = 0x464C457F; // "\177ELF" read little-endian

    private FileRegion() {
    }

    /** Up to {@code length} bytes at {@code position}, little-endian, flipped; shorter at the end of the file. */
    static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // a short read is not the end of the file
        }
        return buffer.flip();
    }

    /** The 64-byte header of a 64-bit little-endian ELF file (all x86-64 kernel modules and executables). */
    static ByteBuffer elf64Header(FileChannel file, Path path) throws IOException {
        ByteBuffer header = read(file, 0, 64);
        if (header.limit() < 64 || header.getInt(0) != ELF_MAGIC || header.get(4) != 2 || header.get(5) != 1) {
            throw new IOException(path + " is not a 64-bit little-endian ELF file");
        }
        return header;
    }
}
