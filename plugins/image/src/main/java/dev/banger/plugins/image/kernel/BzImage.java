package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The x86 Linux boot protocol header (Documentation/x86/boot.rst): a bzImage carries {@code HdrS}
 * at 0x202, and at 0x20E a pointer (relative to 0x200) to its NUL-terminated version string.
 */
public final class BzImage {
    private static final int MAGIC_OFFSET = 0x202;
    private static final int VERSION_POINTER_OFFSET = 0x20E;
    private static final byte[] MAGIC = "HdrS".getBytes(StandardCharsets.US_ASCII);

    private BzImage() {
    }

    public static boolean isBzImage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer magic = FileRegion.read(channel, MAGIC_OFFSET, MAGIC.length);
            return magic.remaining() == MAGIC.length && magic.equals(ByteBuffer.wrap(MAGIC));
        }
    }

    /** Throws bad_request naming {@code field} unless {@code file} is a readable bzImage. */
    public static void require(Path file, String field) {
        try {
            if (!isBzImage(file)) {
                throw RpcException.badRequest(field + ": " + file + " is not a Linux bzImage (no 'HdrS' at offset 0x202);"
                        + " pass the compressed kernel, e.g. /boot/vmlinuz-<version>, not vmlinux or an initrd");
            }
        } catch (IOException e) {
            throw RpcException.badRequest(field + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The kernel's release and build string, e.g. "6.1.0-50-cloud-amd64 (debian-kernel@...) #1 SMP ...". */
    public static Optional<String> versionString(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer pointer = FileRegion.read(channel, VERSION_POINTER_OFFSET, 2);
            if (pointer.remaining() < 2 || pointer.getShort(0) == 0) {
                return Optional.empty();
            }
            ByteBuffer text = FileRegion.read(channel, 0x200 + Short.toUnsignedInt(pointer.getShort(0)), 256);
            int end = 0;
            while (end < text.limit() && text.get(end) != 0) {
                end++;
            }
            byte[] bytes = new byte[end];
            text.get(bytes);
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII)).filter(s -> !s.isBlank());
        }
    }

    /** The release alone ("6.1.0-50-cloud-amd64"), the first word of the version string. */
    public static Optional<String> release(Path file) throws IOException {
        return versionString(file).map(s -> s.split(" ", 2)[0]);
    }
}
