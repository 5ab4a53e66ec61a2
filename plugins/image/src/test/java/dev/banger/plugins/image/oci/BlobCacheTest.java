package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.RecordingProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCacheTest {
    private static final byte[] CONTENT = "hello, blob".getBytes(StandardCharsets.UTF_8);
    private static final BlobDigest DIGEST = BlobDigest.of(CONTENT);

    @TempDir
    Path root;

    @Test
    void storesAVerifiedBlobUnderItsDigest() throws Exception {
        BlobCache cache = new BlobCache(root);
        Path blob = cache.obtain(DIGEST, CONTENT.length, writing(CONTENT), new RecordingProgress());
        assertThat(blob).isEqualTo(root.resolve("oci/blobs/sha256/" + DIGEST.hex()));
        assertThat(Files.readAllBytes(blob)).isEqualTo(CONTENT);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aCachedBlobIsNotDownloadedAgain() {
        BlobCache cache = new BlobCache(root);
        AtomicInteger downloads = new AtomicInteger();
        BlobSource counting = target -> {
            downloads.incrementAndGet();
            target.write(CONTENT, CONTENT.length);
        };
        cache.obtain(DIGEST, CONTENT.length, counting, new RecordingProgress());
        cache.obtain(DIGEST, CONTENT.length, counting, new RecordingProgress());
        assertThat(downloads).hasValue(1);
    }

    @Test
    void wrongContentNeverEntersTheCache() throws Exception {
        BlobCache cache = new BlobCache(root);
        byte[] corrupt = CONTENT.clone();
        corrupt[0] ^= 1;
        assertThatThrownBy(() -> cache.obtain(DIGEST, CONTENT.length, writing(corrupt), new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.getMessage()).contains("digest mismatch", DIGEST.toString()));
        assertThat(cache.find(DIGEST, -1)).isEmpty();
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aFailedOrCancelledDownloadLeavesNothing() throws Exception {
        BlobCache cache = new BlobCache(root);
        RecordingProgress progress = new RecordingProgress();
        BlobSource cancelledHalfway = target -> {
            target.write(CONTENT, 4);
            progress.cancel();
            progress.checkCancelled();
        };
        assertThatThrownBy(() -> cache.obtain(DIGEST, CONTENT.length, cancelledHalfway, progress))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(cache.find(DIGEST, -1)).isEmpty();
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void concurrentRequestsForOneDigestShareOneDownload() throws Exception {
        BlobCache cache = new BlobCache(root);
        AtomicInteger downloads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BlobSource slow = target -> {
            downloads.incrementAndGet();
            await(release);
            target.write(CONTENT, CONTENT.length);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> pulls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pulls.add(pool.submit(() -> cache.obtain(DIGEST, CONTENT.length, slow, new RecordingProgress())));
            }
            Thread.sleep(300);
            release.countDown();
            for (Future<Path> pull : pulls) {
                assertThat(Files.readAllBytes(pull.get(10, TimeUnit.SECONDS))).isEqualTo(CONTENT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(downloads).hasValue(1);
    }

    @Test
    void pruneOfAMissingCacheIsZeroNotAnError() {
        PruneResult result = new BlobCache(root.resolve("never-created")).prune(false);
        assertThat(result.bytesFreed()).isZero();
        assertThat(result.blobsFreed()).isZero();
    }

    @Test
    void dryRunTalliesAndKeepsPruneEmptiesAndRecreates() {
        BlobCache cache = new BlobCache(root);
        cache.obtain(DIGEST, CONTENT.length, writing(CONTENT), new RecordingProgress());
        byte[] other = "another".getBytes(StandardCharsets.UTF_8);
        cache.obtain(BlobDigest.of(other), other.length, writing(other), new RecordingProgress());

        PruneResult dry = cache.prune(true);
        assertThat(dry).isEqualTo(new PruneResult(CONTENT.length + other.length, 2, true, root.resolve("oci")));
        assertThat(cache.find(DIGEST, -1)).isPresent();

        PruneResult real = cache.prune(false);
        assertThat(real).isEqualTo(new PruneResult(CONTENT.length + other.length, 2, false, root.resolve("oci")));
        assertThat(cache.find(DIGEST, -1)).isEmpty();
        assertThat(root.resolve("oci/blobs/sha256")).isEmptyDirectory();
        assertThat(cache.prune(false).blobsFreed()).isZero();
    }

    @Test
    void aDownloadRunningDuringAPruneStillLandsVerified() throws Exception {
        BlobCache cache = new BlobCache(root);
        cache.obtain(BlobDigest.of(new byte[] {1}), 1, writing(new byte[] {1}), new RecordingProgress());
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch pruned = new CountDownLatch(1);
        BlobSource interrupted = target -> {
            target.write(CONTENT, 5);
            halfWritten.countDown();
            await(pruned);
            target.write(java.util.Arrays.copyOfRange(CONTENT, 5, CONTENT.length), CONTENT.length - 5);
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Path> pull = pool.submit(() -> cache.obtain(DIGEST, CONTENT.length, interrupted, new RecordingProgress()));
            assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.prune(false).blobsFreed()).isEqualTo(1);
            pruned.countDown();
            assertThat(Files.readAllBytes(pull.get(10, TimeUnit.SECONDS))).isEqualTo(CONTENT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removeLeftoversClearsStagingAndPrunedAsides() throws Exception {
        Files.createDirectories(root.resolve("oci-staging"));
        Files.writeString(root.resolve("oci-staging/abc.partial"), "half");
        Files.createDirectories(root.resolve("oci.pruning-x/blobs"));
        new BlobCache(root).removeLeftovers();
        assertThat(root.resolve("oci-staging")).doesNotExist();
        assertThat(root.resolve("oci.pruning-x")).doesNotExist();
    }

    private List<Path> stagingFiles() throws Exception {
        Path staging = root.resolve("oci-staging");
        if (!Files.exists(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }

    private static BlobSource writing(byte[] content) {
        return target -> target.write(content, content.length);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
