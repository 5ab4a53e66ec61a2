package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The content-addressed blob cache, {@code <root>/oci/blobs/sha256/<hex>}. A blob is written to a
 * staging file outside that tree, fsynced, verified, and only then renamed in, so the tree never holds
 * a zero-byte or unverified blob. Staging lives outside the tree so a prune (which renames the tree
 * aside) cannot take a download's half-written file with it.
 *
 * <p>Use one instance per cache root for the whole process: concurrent requests for the same digest
 * share one download through it.
 */
public final class BlobCache {
    private static final String STAGING = "oci-staging";
    private final Path root;
    private final Path cacheDir;
    private final Path blobsDir;
    private final ConcurrentMap<BlobDigest, CompletableFuture<Path>> inFlight = new ConcurrentHashMap<>();

    public BlobCache(Path cacheRoot) {
        this.root = cacheRoot;
        this.cacheDir = cacheRoot.resolve("oci");
        this.blobsDir = cacheDir.resolve("blobs").resolve("sha256");
    }

    /** The directory {@code image.cache.prune} empties. */
    public Path cacheDir() {
        return cacheDir;
    }

    public Path blobPath(BlobDigest digest) {
        return blobsDir.resolve(digest.hex());
    }

    /** The cached blob when present with the expected size (a negative size accepts any). */
    public Optional<Path> find(BlobDigest digest, long expectedSize) {
        Path path = blobPath(digest);
        try {
            long size = Files.size(path);
            return size > 0 && (expectedSize < 0 || size == expectedSize) ? Optional.of(path) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the verified cached blob, downloading it from {@code source} when absent. If another
     * caller is already downloading the same digest, waits for that download instead of starting a
     * second one; if that download fails or is cancelled, this caller tries itself.
     */
    public Path obtain(BlobDigest digest, long expectedSize, BlobSource source, OperationProgress progress) {
        while (true) {
            progress.checkCancelled();
            Optional<Path> cached = find(digest, expectedSize);
            if (cached.isPresent()) {
                return cached.get();
            }
            CompletableFuture<Path> mine = new CompletableFuture<>();
            CompletableFuture<Path> running = inFlight.putIfAbsent(digest, mine);
            if (running == null) {
                return downloadAsOwner(digest, expectedSize, source, mine);
            }
            InFlightWait.await(running, progress);
        }
    }

    private Path downloadAsOwner(BlobDigest digest, long expectedSize, BlobSource source, CompletableFuture<Path> mine) {
        try {
            Path path = download(digest, expectedSize, source);
            mine.complete(path);
            return path;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(digest, mine);
        }
    }

    private Path download(BlobDigest digest, long expectedSize, BlobSource source) {
        Path staging = null;
        try {
            Files.createDirectories(root.resolve(STAGING));
            staging = Files.createTempFile(root.resolve(STAGING), digest.hex().substring(0, 16) + ".", ".partial");
            BlobDigest actual;
            long size;
            try (StagedBlob blob = new StagedBlob(staging)) {
                source.writeTo(blob);
                actual = blob.finish();
                size = blob.size();
            }
            verify(digest, expectedSize, actual, size);
            return commit(staging, blobPath(digest));
        } catch (IOException e) {
            if (dev.banger.kernel.api.files.DiskSpace.exhausted(e)) {
                throw dev.banger.kernel.api.files.DiskSpace.error(root, "storing blob " + digest + " in the cache", expectedSize);
            }
            throw new RpcException(ErrorCode.OPERATION_FAILED, "could not store blob " + digest + ": " + e, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void verify(BlobDigest expected, long expectedSize, BlobDigest actual, long size) {
        if (!actual.equals(expected)) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "digest mismatch for blob " + expected
                    + ": the registry sent content whose sha256 is " + actual + " (" + size + " bytes); nothing was cached");
        }
        if (size == 0 || (expectedSize >= 0 && size != expectedSize)) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "size mismatch for blob " + expected + ": expected "
                    + expectedSize + " bytes, received " + size + "; nothing was cached");
        }
    }

    /** Renames into the tree; a prune may have renamed the tree away in between, so re-create and retry. */
    private static Path commit(Path staging, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (NoSuchFileException e) {
                if (attempt == 5) {
                    throw e;
                }
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the cache staging directory and the cache are on different filesystems", e);
            }
        }
    }

    /** Empties the cache (see {@link CachePruner}); in-flight downloads still complete. */
    public PruneResult prune(boolean dryRun) {
        return new CachePruner(root, cacheDir).prune(dryRun);
    }

    /**
     * Removes what a crash or kill left behind (staging files, a pruned tree not yet deleted). Call at
     * plugin start, before any pull runs.
     */
    public void removeLeftovers() {
        try {
            FileTrees.deleteRecursively(root.resolve(STAGING));
            CachePruner.removeAsides(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover staging file is removed by removeLeftovers() at the next start
            }
        }
    }
}
