package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An initramfs has no libc and no dynamic loader: a dynamically linked busybox there makes the
 * kernel panic with "No working init found" and no hint why. This check refuses it at build time
 * by looking for a PT_INTERP program header in the ELF64 file.
 */
final class StaticExecutable {
    private static final int PT_INTERP = 3;

    private StaticExecutable() {
    }

    static void require(Path executable) throws IOException {
        try (FileChannel file = FileChannel.open(executable)) {
            ByteBuffer header = FileRegion.elf64Header(file, executable);
            long table = header.getLong(0x20);
            int entrySize = Short.toUnsignedInt(header.getShort(0x36));
            int count = Short.toUnsignedInt(header.getShort(0x38));
            ByteBuffer headers = FileRegion.read(file, table, entrySize * count);
            for (int i = 0; i < count; i++) {
                if (headers.getInt(i * entrySize) == PT_INTERP) {
                    throw new IllegalArgumentException(executable + " is dynamically linked; the initramfs needs a"
                            + " statically linked busybox (Debian package busybox-static)");
                }
            }
        }
    }
}
