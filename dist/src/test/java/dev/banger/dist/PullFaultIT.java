package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.testing.FaultProxy;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.TarFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * image.pull through a real daemon and a fault-injecting proxy in front of a real registry, all on
 * 127.0.0.1: cuts mid-blob and 500s are retried and resumed; a registry that stalls fails the pull
 * with an error naming it and the blob; a daemon SIGKILLed mid-pull is reported failed after the
 * restart. Never a partial or unverified blob in the cache, never a staging dir left.
 */
class PullFaultIT {
    private static final int LAYER = 2 << 20;
    private static LocalRegistry registry;
    private static FaultProxy proxy;
    private static Path layoutDir;
    private static DaemonFixture daemon;

    @BeforeAll
    static void registryProxyAndDaemon() throws Exception {
        LocalRegistry.assumeToolsPresent();
        registry = LocalRegistry.start(LocalRegistry.Mode.ANONYMOUS);
        layoutDir = Files.createTempDirectory("bgfault");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        int seed = 100;
        for (String repo : List.of("resume", "stall", "killed")) {
            // random (incompressible) content per repo, so no pull finds another's blobs in the cache
            layout.tag(repo, layout.image(Platform.LINUX_AMD64, List.of(TarFixtures.tar(Map.of("etc/os-release", "ID=" + repo + "\n")),
                    TarFixtures.randomTar("data/blob.bin", LAYER, seed++)), OciLayoutWriter.Compression.GZIP));
            Skopeo.push(layout, repo, registry, "faults/" + repo, Skopeo.Format.OCI, false);
        }
        proxy = new FaultProxy(registry, null);
        daemon = DaemonFixture.withPlugins().config("[image]\nregistry_timeout_s = 2\nregistry_attempts = 3\n").start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (DaemonFixture d = daemon; LocalRegistry r = registry) {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (layoutDir != null) {
                try (Stream<Path> walk = Files.walk(layoutDir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void cutsMidBlobAndServerErrorsAreResumedAndRetriedIntoAWholeImage() throws Exception {
        String big = bigLayer("resume");
        proxy.cutBlobOnce(big, 300_000);
        proxy.failOnce("/manifests/", 500);
        try (RpcClient c = daemon.client()) {
            JsonNode done = pull(c, "resume", "resumed");
            assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();
            assertThat(c.callRaw("image.show", Map.of("name", "resumed"), null, e -> { }).at("/guest/os_id").asText()).isEqualTo("resume");
        }
        List<FaultProxy.Recorded> gets = proxy.requests().stream().filter(r -> r.path().endsWith(big)).toList();
        assertThat(gets).hasSize(2);
        assertThat(gets.get(1).range()).as("the second GET continues where the cut stopped").matches("bytes=[1-9][0-9]*-");
        assertCacheClean();
    }

    @Test
    void aRegistryThatStallsFailsThePullWithAnErrorNamingItAndTheBlob() throws Exception {
        String big = bigLayer("stall");
        CountDownLatch never = new CountDownLatch(1);
        proxy.pauseBlob(big, 100_000, new CountDownLatch(1), never);
        try (RpcClient c = daemon.client()) {
            long start = System.nanoTime();
            JsonNode done = pull(c, "stall", "stalled");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.println("[PullFaultIT] a registry stalling on every attempt failed the pull after " + seconds + " s");
            assertThat(done.at("/error/code").asText()).isEqualTo("operation_failed");
            assertThat(done.at("/error/message").asText()).contains(proxy.hostPort(), big, "stalled", "broke off 3 times");
            assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").findValuesAsText("name")).doesNotContain("stalled");
        } finally {
            never.countDown();
            proxy.heal();
        }
        assertCacheClean();
    }

    @Test
    void aDaemonKilledMidPullReportsThePullFailedAfterTheRestartAndTheSamePullThenWorks() throws Exception {
        String big = bigLayer("killed");
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        proxy.pauseBlob(big, 500_000, reached, resume);
        String op;
        try {
            try (RpcClient c = daemon.client()) {
                op = c.callRaw("image.pull", Map.of("ref", proxy.hostPort() + "/faults/killed:killed", "name", "killed"), null, e -> { })
                        .path("id").asText();
                assertThat(reached.await(60, TimeUnit.SECONDS)).as("the pull reached the middle of the blob").isTrue();
                long deadline = System.currentTimeMillis() + 10_000;
                while (partialBlobs() == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(partialBlobs()).as("the kill lands while a blob is half downloaded").isPositive();
                assertThat(stagingDirs()).isPositive();
            }
            daemon.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            resume.countDown();
            proxy.heal();
        }
        daemon.start();
        try (RpcClient c = daemon.client()) {
            JsonNode reported = c.callRaw("daemon.operations.get", Map.of("id", op), null, e -> { });
            assertThat(reported.path("done").asBoolean()).isTrue();
            assertThat(reported.at("/error/message").asText()).startsWith("interrupted: bangerd stopped").contains("image.pull of killed");
            assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").findValuesAsText("name")).doesNotContain("killed");
            assertCacheClean();
            JsonNode again = pull(c, "killed", "killed");
            assertThat(again.path("error").isMissingNode()).as(again.toString()).isTrue();
        }
        assertCacheClean();
    }

    private static JsonNode pull(RpcClient c, String repo, String name) {
        String op = c.callRaw("image.pull", Map.of("ref", proxy.hostPort() + "/faults/" + repo + ":" + repo, "name", name), null, e -> { })
                .path("id").asText();
        return c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 120_000), null, e -> { });
    }

    /** The big layer's digest as the registry holds it (read back: skopeo may recompress on the way in). */
    private static String bigLayer(String repo) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + "/v2/faults/" + repo + "/manifests/" + repo))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json").build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("layers").get(1).path("digest").asText();
    }

    /** No unverified blob (staging files), every cached blob hashes to its name, no image staging dir. */
    private static void assertCacheClean() throws Exception {
        assertThat(partialBlobs()).isZero();
        assertThat(stagingDirs()).isZero();
        Path blobs = daemon.root.resolve("cache/banger/image/oci/blobs/sha256");
        if (Files.isDirectory(blobs)) {
            try (Stream<Path> s = Files.list(blobs)) {
                for (Path blob : s.toList()) {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(blob));
                    assertThat(HexFormat.of().formatHex(hash)).isEqualTo(blob.getFileName().toString());
                }
            }
        }
    }

    private static long partialBlobs() throws Exception {
        Path staging = daemon.root.resolve("cache/banger/image/oci-staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(staging)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static long stagingDirs() throws Exception {
        Path images = daemon.root.resolve("state/banger/image/images");
        if (!Files.isDirectory(images)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(images)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".staging-")).count();
        }
    }
}
