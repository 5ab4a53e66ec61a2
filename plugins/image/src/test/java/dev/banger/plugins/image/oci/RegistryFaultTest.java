package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.FaultProxy;
import dev.banger.plugins.image.testing.FaultProxy.Recorded;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.OciLayoutWriter.Compression;
import dev.banger.plugins.image.testing.OciLayoutWriter.Written;
import dev.banger.plugins.image.testing.RecordingProgress;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.Skopeo.Format;
import dev.banger.plugins.image.testing.TarFixtures;
import dev.banger.plugins.image.testing.TestDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the puller and a real (htpasswd) registry, injected by {@link FaultProxy}: corrupt
 * blobs, broken connections, 5xx, lying digests, redirects, and a prune or a cancel mid-pull.
 */
class RegistryFaultTest {
    private static final int BIG_LAYER = 1 << 20;
    private static final Credentials CREDENTIALS = new Credentials(LocalRegistry.USER, LocalRegistry.PASSWORD);
    private static LocalRegistry registry;
    private static Path layoutDir;
    private static String bigLayer;

    @TempDir
    Path cacheRoot;
    private FaultProxy proxy;
    private BlobCache cache;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void pushFixture() throws Exception {
        registry = LocalRegistry.start(LocalRegistry.Mode.HTPASSWD);
        layoutDir = Files.createTempDirectory("banger-oci-layout");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        Written image = layout.image(Platform.LINUX_AMD64, List.of(TarFixtures.tar(Map.of("small", "layer one\n")),
                TarFixtures.randomTar("big.bin", BIG_LAYER, 42)), Compression.GZIP);
        layout.tag("v1", image);
        Skopeo.push(layout, "v1", registry, "faults/img", Format.OCI, false);
        // read back what the registry holds: skopeo may re-compress layers on the way in
        ImageReference pushed = ImageReference.parse(registry.hostPort() + "/faults/img:v1");
        FetchedManifest manifest = new RegistryClient(pushed, RegistryOptions.defaults().withCredentials(Optional.of(CREDENTIALS)))
                .fetchManifest("v1");
        bigLayer = manifest.json().path("layers").get(1).path("digest").asText();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        try (LocalRegistry r = registry) {
            TestDirs.deleteTree(layoutDir);
        }
    }

    @BeforeEach
    void startProxy() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (LocalRegistry.USER + ":" + LocalRegistry.PASSWORD).getBytes(StandardCharsets.UTF_8));
        proxy = new FaultProxy(registry, basic);
        cache = new BlobCache(cacheRoot);
    }

    @AfterEach
    void stopProxy() {
        pool.shutdownNow();
        proxy.close();
    }

    @Test
    void aCorruptedBlobFailsWithADigestErrorAndNothingEntersTheCache() throws Exception {
        proxy.corruptBlob(bigLayer);
        assertThatThrownBy(() -> pull(new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.getMessage()).contains("digest mismatch", bigLayer);
                });
        assertThat(cache.find(BlobDigest.parse(bigLayer), -1)).isEmpty();
        assertOnlyVerifiedBlobsAndNoStaging();
    }

    @Test
    void aBrokenBlobDownloadResumesWithRange() throws Exception {
        proxy.cutBlobOnce(bigLayer, 300_000);
        PulledImage pulled = pull(new RecordingProgress());
        assertThat(BlobDigest.of(Files.readAllBytes(pulled.layers().get(1).blob())).toString()).isEqualTo(bigLayer);
        List<Recorded> bigGets = proxy.requests().stream().filter(r -> r.path().endsWith(bigLayer)).toList();
        assertThat(bigGets).hasSize(2);
        assertThat(bigGets.get(0).range()).isNull();
        assertThat(bigGets.get(1).range()).matches("bytes=[1-9][0-9]*-");
    }

    @Test
    void aServerErrorIsRetried() throws Exception {
        proxy.failOnce("/manifests/", 503);
        proxy.failOnce("/blobs/" + bigLayer, 502);
        pull(new RecordingProgress());
        assertThat(proxy.requests().stream().filter(r -> r.path().endsWith(bigLayer)).count()).isEqualTo(2);
    }

    @Test
    void aLyingDockerContentDigestIsRefused() {
        proxy.lieAboutManifestDigest("sha256:" + "0".repeat(64));
        assertThatThrownBy(() -> pull(new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.getMessage()).contains("does not match its digest"));
    }

    @Test
    void redirectsAreFollowedWithoutSendingTheRegistryCredentialsElsewhere() throws Exception {
        proxy.redirectBlobs();
        PulledImage pulled = pull(new RecordingProgress());
        assertThat(pulled.layers()).hasSize(2);
        List<Recorded> storage = proxy.requests().stream().filter(r -> r.server().equals("storage")).toList();
        assertThat(storage).hasSize(3).noneMatch(Recorded::authorized); // config + 2 layers
        assertThat(proxy.requests()).filteredOn(r -> r.server().equals("main") && r.path().contains("/blobs/"))
                .anyMatch(Recorded::authorized);
    }

    @Test
    void aPruneDuringAPullLetsThePullCompleteWithVerifiedBlobs() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        proxy.pauseBlob(bigLayer, 200_000, reached, resume);
        Future<PulledImage> pull = pool.submit(() -> pull(new RecordingProgress()));
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
        PruneResult pruned = cache.prune(false);
        assertThat(pruned.blobsFreed()).isEqualTo(2); // the config and the small layer were already in
        resume.countDown();

        PulledImage pulled = pull.get(60, TimeUnit.SECONDS);
        for (PulledLayer layer : pulled.layers()) {
            assertThat(BlobDigest.of(Files.readAllBytes(layer.blob())).toString()).isEqualTo(layer.digest());
        }
        assertOnlyVerifiedBlobsAndNoStaging();
    }

    @Test
    void aServerErrorThatPersistsFailsNamingTheRegistryAndTheBlobAndCachesNothing() {
        proxy.failAlways("/blobs/" + bigLayer, 500);
        assertThatThrownBy(() -> pull(new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.getMessage()).contains(proxy.hostPort(), bigLayer, "3 attempts", "HTTP 500");
                });
        assertThat(proxy.requests().stream().filter(r -> r.path().endsWith(bigLayer)).count()).isEqualTo(3);
        assertThat(cache.find(BlobDigest.parse(bigLayer), -1)).isEmpty();
    }

    /** The registry goes silent mid-blob every time: each silence is cut after the timeout and resumed, then the pull gives up. */
    @Test
    void aStallHitsTheTimeoutWithAnErrorNamingTheRegistryAndTheBlob() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        proxy.pauseBlob(bigLayer, 100_000, reached, never);
        RegistryOptions options = RegistryOptions.defaults().withCredentials(Optional.of(CREDENTIALS))
                .withRetries(3, Duration.ofMillis(20)).withTimeout(Duration.ofSeconds(1));
        try {
            assertThatThrownBy(() -> new OciPuller(cache, options).pull(ImageReference.parse(proxy.hostPort() + "/faults/img:v1"),
                    Platform.LINUX_AMD64, new RecordingProgress()))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                        assertThat(e.getMessage()).contains(proxy.hostPort(), bigLayer, "broke off 3 times", "stalled");
                    });
        } finally {
            never.countDown();
        }
        List<Recorded> gets = proxy.requests().stream().filter(r -> r.path().endsWith(bigLayer)).toList();
        assertThat(gets).hasSize(3);
        assertThat(gets.get(2).range()).as("each silence resumes where the bytes stopped").matches("bytes=[1-9][0-9]*-");
        assertThat(cache.find(BlobDigest.parse(bigLayer), -1)).isEmpty();
        assertOnlyVerifiedBlobsAndNoStaging();
    }

    @Test
    void aCancelMidPullLeavesNoUnverifiedBlobEvenOnASilentConnection() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        proxy.pauseBlob(bigLayer, 200_000, reached, resume);
        RecordingProgress progress = new RecordingProgress();
        Future<PulledImage> pull = pool.submit(() -> pull(progress));
        try {
            assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
            progress.cancel(); // the proxy stays silent: the pull must notice without another byte arriving
            assertThatThrownBy(() -> pull.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(RpcException.class)
                    .cause().satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.CANCELLED));
        } finally {
            resume.countDown();
        }
        assertThat(cache.find(BlobDigest.parse(bigLayer), -1)).isEmpty();
        assertOnlyVerifiedBlobsAndNoStaging();
    }

    private PulledImage pull(RecordingProgress progress) {
        RegistryOptions options = RegistryOptions.defaults().withCredentials(Optional.of(CREDENTIALS))
                .withRetries(3, Duration.ofMillis(20));
        return new OciPuller(cache, options).pull(ImageReference.parse(proxy.hostPort() + "/faults/img:v1"), Platform.LINUX_AMD64, progress);
    }

    /** Every blob in the cache hashes to its name; no staging file is left behind. */
    private void assertOnlyVerifiedBlobsAndNoStaging() throws Exception {
        Path blobs = cache.cacheDir().resolve("blobs/sha256");
        if (Files.exists(blobs)) {
            try (Stream<Path> files = Files.list(blobs)) {
                for (Path blob : files.toList()) {
                    assertThat(BlobDigest.of(Files.readAllBytes(blob)).hex()).isEqualTo(blob.getFileName().toString());
                }
            }
        }
        Path staging = cacheRoot.resolve("oci-staging");
        if (Files.exists(staging)) {
            assertThat(staging).isEmptyDirectory();
        }
    }
}
