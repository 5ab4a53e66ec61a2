package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.rootfs.TarFixture;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.Skopeo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile images from a real registry on 127.0.0.1, pulled by a real daemon: layers that try to
 * write outside the image (tar slip in its four forms), a decompression bomb, and a manifest that
 * claims a 1 TB layer. Each pull fails with its own specific error, and leaves no image, no
 * staging directory, no unverified blob and no file outside. An image name with a path separator
 * is refused before the pull begins. (Unit-level cases: plugins/image's TarSlipTest and
 * DecompressionBombTest; a VM name with a path separator: VmIT.)
 */
class HostileImageIT {
    private static final long ONE_TB = 1L << 40;
    /** Above the default 256 MiB floor, so the 100× ratio applies; gzip of zeros is ~1000×. */
    private static final int BOMB_BYTES = 272 << 20;
    private static LocalRegistry registry;
    private static Path layoutDir;
    private static DaemonFixture daemon;

    @BeforeAll
    static void hostileImages() throws Exception {
        LocalRegistry.assumeToolsPresent();
        registry = LocalRegistry.start(LocalRegistry.Mode.ANONYMOUS);
        layoutDir = Files.createTempDirectory("bghostile");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        byte[] base = new TarFixture().dir("etc").file("etc/passwd", "root:x:0:0::/root:/bin/sh\n").build();
        push(layout, "slip/dotdot", List.of(base, new TarFixture().file("../evil", "x").build()));
        push(layout, "slip/absolute", List.of(base, new TarFixture().rawFile("/etc/evil").build()));
        push(layout, "slip/symlink", List.of(base, new TarFixture().symlink("esc", "../..").file("esc/evil", "x").build()));
        push(layout, "slip/hardlink", List.of(base, new TarFixture().hardLink("innocent", "../../etc/shadow").build()));
        push(layout, "bomb/zeros", List.of(new TarFixture().file("zeros", "\0".repeat(BOMB_BYTES)).build()));
        push(layout, "huge/claim", List.of(base));
        claimOneTerabyte("huge/claim");
        daemon = DaemonFixture.withPlugins().start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
            if (registry != null) {
                registry.close();
            }
        } finally {
            if (layoutDir != null) {
                try (Stream<Path> walk = Files.walk(layoutDir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void push(OciLayoutWriter layout, String repo, List<byte[]> layers) throws Exception {
        layout.tag(repo.replace('/', '-'), layout.image(Platform.LINUX_AMD64, layers, OciLayoutWriter.Compression.GZIP));
        Skopeo.push(layout, repo.replace('/', '-'), registry, repo, Skopeo.Format.OCI, false);
    }

    /** Re-tags the pushed manifest as {@code :1} with its layer's size rewritten to 1 TB (the registry only checks the blob exists). */
    private static void claimOneTerabyte(String repo) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String accept = "application/vnd.oci.image.manifest.v1+json";
        URI base = URI.create("http://" + registry.hostPort() + "/v2/" + repo + "/manifests/");
        HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(base.resolve(repo.replace('/', '-'))).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).as(new String(got.body())).isEqualTo(200);
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(got.body());
        ((ObjectNode) manifest.path("layers").get(0)).put("size", ONE_TB);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(base.resolve("1")).header("Content-Type", accept)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(manifest))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as("the registry takes the lying manifest: " + put.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "slip/dotdot   | bad_request      | entry '../evil'",
        "slip/absolute | bad_request      | entry '/etc/evil'",
        "slip/symlink  | bad_request      | entry 'esc/evil'",
        "slip/hardlink | bad_request      | entry 'innocent'",
        "bomb/zeros    | bad_request      | decompression bomb",
        "huge/claim:1  | operation_failed | (1099511627776 bytes) exceeds the blob size limit"})
    void isRefusedWithItsOwnErrorAndLeavesNothing(String repo, String code, String message) throws Exception {
        String ref = registry.hostPort() + "/" + (repo.contains(":") ? repo : repo + ":" + repo.replace('/', '-'));
        try (RpcClient c = daemon.client()) {
            String op = c.callRaw("image.pull", Map.of("ref", ref, "name", "hostile"), null, e -> { }).path("id").asText();
            JsonNode done = c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 300_000), null, e -> { });

            assertThat(done.path("done").asBoolean()).as(done.toString()).isTrue();
            assertThat(done.at("/error/code").asText()).as(done.toString()).isEqualTo(code);
            assertThat(done.at("/error/message").asText()).contains(message);
            assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").size()).isZero();
        }
        assertThat(leftUnder(daemon.root.resolve("state/banger/image/images"), ".")).as("staging left").isEmpty();
        assertThat(leftUnder(daemon.root.resolve("cache/banger/image/oci-staging"), "")).as("unverified blobs left").isEmpty();
        assertThat(leftUnder(daemon.root, "evil")).as("a file written through the slip").isEmpty();
        assertThat(Path.of("/etc/evil")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a/b", "../escape", "/abs", "x/../../y"})
    void anImageNameWithAPathSeparatorIsRefusedBeforeThePullStarts(String name) throws Exception {
        String ref = registry.hostPort() + "/huge/claim:huge-claim"; // a harmless image: only the name is wrong
        try (RpcClient c = daemon.client()) {
            int operations = c.callRaw("daemon.operations.list", null, null, e -> { }).path("operations").size();
            assertThatThrownBy(() -> c.callRaw("image.pull", Map.of("ref", ref, "name", name), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code().wire()).isEqualTo("bad_request");
                        assertThat(e.getMessage()).contains("params.name").contains("not a valid image name");
                    });
            assertThat(c.callRaw("daemon.operations.list", null, null, e -> { }).path("operations").size())
                    .as("no operation began").isEqualTo(operations);
        }
        assertThat(leftUnder(daemon.root.resolve("state/banger/image/images"), "")).as("nothing under images/").isEmpty();
    }

    private static List<Path> leftUnder(Path dir, String prefix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir) && p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
