package dev.banger.plugins.image.oci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A blob being written to a staging file: every byte goes through sha256 on the way to disk, so the
 * digest is known when the last byte lands (no second read). {@link #restart()} supports a server
 * that ignores Range and sends the whole blob again.
 */
public final class StagedBlob implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private MessageDigest sha256 = BlobDigest.newSha256();
    private long size;

    StagedBlob(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public void write(byte[] buffer, int length) throws IOException {
        sha256.update(buffer, 0, length);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        size += length;
    }

    /** Bytes written so far: the offset a resumed download asks for. */
    public long size() {
        return size;
    }

    public void restart() throws IOException {
        channel.truncate(0);
        channel.position(0);
        sha256 = BlobDigest.newSha256();
        size = 0;
    }

    Path file() {
        return file;
    }

    /** Flushes to stable storage and returns the digest of everything written. */
    BlobDigest finish() throws IOException {
        channel.force(true);
        return BlobDigest.fromDigest(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
