package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Empties the blob cache: tally, rename the tree aside (one atomic step, so readers never see a
 * half-deleted cache), re-create it empty, then delete the aside at leisure. Open descriptors on
 * renamed blobs stay valid until closed.
 */
final class CachePruner {
    private static final String ASIDE_PREFIX = "oci.pruning-";
    private final Path root;
    private final Path cacheDir;

    CachePruner(Path root, Path cacheDir) {
        this.root = root;
        this.cacheDir = cacheDir;
    }

    PruneResult prune(boolean dryRun) {
        try {
            if (!Files.isDirectory(cacheDir)) {
                return new PruneResult(0, 0, dryRun, cacheDir);
            }
            if (dryRun) {
                long[] tally = tally(cacheDir);
                return new PruneResult(tally[0], tally[1], true, cacheDir);
            }
            Path aside = root.resolve(ASIDE_PREFIX + UUID.randomUUID());
            try {
                Files.move(cacheDir, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException alreadyGone) {
                return new PruneResult(0, 0, false, cacheDir);
            }
            Files.createDirectories(cacheDir.resolve("blobs").resolve("sha256"));
            long[] tally = tally(aside);
            FileTrees.deleteRecursively(aside);
            return new PruneResult(tally[0], tally[1], false, cacheDir);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "could not prune the image cache " + cacheDir + ": " + e, e);
        }
    }

    /** {bytes, blobs} of the regular files under {@code tree}. */
    private static long[] tally(Path tree) throws IOException {
        long[] tally = new long[2];
        try (Stream<Path> files = Files.walk(tree)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    tally[0] += Files.size(file);
                    tally[1]++;
                } catch (IOException vanished) {
                    // deleted concurrently: nothing to free
                }
            });
        }
        return tally;
    }

    static void removeAsides(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> asides = Files.newDirectoryStream(root, ASIDE_PREFIX + "*")) {
            for (Path aside : asides) {
                FileTrees.deleteRecursively(aside);
            }
        }
    }
}
