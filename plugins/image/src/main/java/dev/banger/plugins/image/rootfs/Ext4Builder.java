package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * Builds an ext4 image from a staging tree without root. Picks the way the host's e2fsprogs allows:
 * {@code mke2fs -d tar} (≥ 1.47.1, keeps owners and devices by itself) or {@code mkfs.ext4 -d DIR} plus one
 * batched debugfs fix-up. The image is written beside the target and renamed into place when complete.
 */
public final class Ext4Builder {
    /** The two ways to build, so tests can check which one a version gets. */
    public enum Method { TAR_INPUT, DIRECTORY_AND_DEBUGFS }

    private final E2fsprogsVersion version;

    public Ext4Builder() {
        this(E2fsprogsVersion.detect());
    }

    public Ext4Builder(E2fsprogsVersion version) {
        this.version = version;
    }

    public Method method() {
        return version.supportsTarInput() ? Method.TAR_INPUT : Method.DIRECTORY_AND_DEBUGFS;
    }

    /** Builds {@code out}; returns the sizing used. */
    public Ext4Sizing build(StagingTree tree, Path out, OptionalLong explicitSize, OperationProgress progress) {
        Ext4Sizing sizing = Ext4Sizing.of(tree.contentBytes(), tree.nodes().size(), explicitSize);
        Path partial = partialPath(out);
        boolean done = false;
        try {
            createSparse(partial, sizing.sizeBytes());
            progress.checkCancelled();
            if (method() == Method.TAR_INPUT) {
                new TarInputMkfs().build(tree, partial, sizing, progress);
            } else {
                new DirectoryMkfs().build(tree, partial, sizing, progress);
            }
            progress.checkCancelled();
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return sizing;
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Could not write the image " + out + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                FileTrees.deleteQuietly(partial);
            }
        }
    }

    /** Hidden name in the same directory (same filesystem, so the final rename is atomic). */
    static Path partialPath(Path out) {
        return out.resolveSibling("." + out.getFileName() + PARTIAL_MARKER + Long.toHexString(System.nanoTime()));
    }

    static final String PARTIAL_MARKER = ".partial-";

    private static void createSparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
