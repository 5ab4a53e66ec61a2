package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.Commands;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.OciLayoutWriter.Compression;
import dev.banger.plugins.image.testing.OciLayoutWriter.Written;
import dev.banger.plugins.image.testing.RecordingProgress;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.Skopeo.Format;
import dev.banger.plugins.image.testing.TarContents;
import dev.banger.plugins.image.testing.TarFixtures;
import dev.banger.plugins.image.testing.TestDirs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls fixture images pushed by skopeo to a real anonymous registry: OCI, Docker v2, and indexes. */
class OciPullerRegistryTest {
    private static final List<Map<String, String>> LAYERS = List.of(
            Map.of("etc/os-release", "ID=fixture\n", "bin/tool", "#!/bin/sh\necho base\n"),
            Map.of("etc/motd", "second layer\n"),
            Map.of("srv/data.txt", "third layer\n"));
    private static LocalRegistry registry;
    private static Path layoutDir;
    private static Written ociImage;
    private static Written dockerImage;

    @TempDir
    Path cacheRoot;

    @BeforeAll
    static void pushFixtures() throws Exception {
        registry = LocalRegistry.start(LocalRegistry.Mode.ANONYMOUS);
        layoutDir = Files.createTempDirectory("banger-oci-layout");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        List<byte[]> tars = LAYERS.stream().map(TarFixtures::tar).toList();
        ociImage = layout.image(Platform.LINUX_AMD64, tars, Commands.available("zstd") ? Compression.ZSTD : Compression.GZIP);
        layout.tag("oci", ociImage);
        dockerImage = layout.image(Platform.LINUX_AMD64, tars.subList(0, 2), Compression.GZIP);
        layout.tag("docker", dockerImage);
        Written arm = layout.image(Platform.parse("linux/arm64/v8"), List.of(TarFixtures.tar(Map.of("arm", "yes\n"))), Compression.GZIP);
        Written riscv = layout.image(Platform.parse("linux/riscv64"), List.of(TarFixtures.tar(Map.of("riscv", "yes\n"))), Compression.GZIP);
        layout.tag("multi", layout.index(List.of(arm, dockerImage)));
        layout.tag("foreign", layout.index(List.of(arm, riscv)));
        Skopeo.push(layout, "oci", registry, "test/oci", Format.OCI, false);
        Skopeo.push(layout, "docker", registry, "test/docker", Format.DOCKER_V2, false);
        Skopeo.push(layout, "multi", registry, "test/multi", Format.OCI, true);
        Skopeo.push(layout, "multi", registry, "test/dockerlist", Format.DOCKER_V2, true);
        Skopeo.push(layout, "foreign", registry, "test/foreign", Format.OCI, true);
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            TestDirs.deleteTree(layoutDir);
        }
    }

    @Test
    void pullsAnOciImageWithEveryLayerVerifiedInTheCache() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        PulledImage image = puller().pull(ref("test/oci:oci"), Platform.LINUX_AMD64, progress);

        assertThat(image.manifestDigest()).isEqualTo(ociImage.digest());
        assertThat(image.reference().digest()).isEqualTo(ociImage.digest());
        assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
        assertThat(image.layers()).extracting(PulledLayer::digest).containsExactlyElementsOf(ociImage.layerDigests());
        assertLayersHold(image, LAYERS);
        for (PulledLayer layer : image.layers()) {
            assertThat(layer.blob()).startsWith(cacheRoot.resolve("oci/blobs/sha256"));
            assertThat(BlobDigest.of(Files.readAllBytes(layer.blob())).toString()).isEqualTo(layer.digest());
        }
        assertThat(progress.stages()).anyMatch(s -> s.startsWith("pulling layer 3/3 sha256:"));
        assertThat(progress.fractions()).last().isEqualTo(1.0);
    }

    @Test
    void pullsADockerV2Image() throws Exception {
        PulledImage image = puller().pull(ref("test/docker:docker"), Platform.LINUX_AMD64, new RecordingProgress());
        assertThat(image.layers()).extracting(PulledLayer::mediaType)
                .containsOnly("application/vnd.docker.image.rootfs.diff.tar.gzip");
        assertLayersHold(image, LAYERS.subList(0, 2));
    }

    @Test
    void theFixturesReallyAreOfEachManifestType() {
        assertThat(mediaTypeOf("test/oci:oci")).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(mediaTypeOf("test/docker:docker")).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(mediaTypeOf("test/multi:multi")).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(mediaTypeOf("test/dockerlist:multi")).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    }

    @Test
    void anIndexResolvesToLinuxAmd64() throws Exception {
        for (String name : List.of("test/multi:multi", "test/dockerlist:multi")) {
            PulledImage image = puller().pull(ref(name), Platform.LINUX_AMD64, new RecordingProgress());
            assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
            assertLayersHold(image, LAYERS.subList(0, 2));
        }
    }

    @Test
    void anIndexWithoutThePlatformListsWhatItOffers() {
        assertThatThrownBy(() -> puller().pull(ref("test/foreign:foreign"), Platform.LINUX_AMD64, new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).contains("linux/amd64", "linux/arm64/v8", "linux/riscv64");
                });
    }

    @Test
    void pullsByDigest() throws Exception {
        PulledImage image = puller().pull(ref("test/oci@" + ociImage.digest()), Platform.LINUX_AMD64, new RecordingProgress());
        assertThat(image.manifestDigest()).isEqualTo(ociImage.digest());
    }

    @Test
    void aMissingTagIsNotFound() {
        assertThatThrownBy(() -> puller().pull(ref("test/oci:nope"), Platform.LINUX_AMD64, new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aBlobOverTheSizeLimitIsRefusedAndNotCached() {
        OciPuller small = new OciPuller(new BlobCache(cacheRoot), RegistryOptions.defaults().withMaxBlobBytes(10));
        assertThatThrownBy(() -> small.pull(ref("test/docker:docker"), Platform.LINUX_AMD64, new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.getMessage()).contains("exceeds the blob size limit of 10"));
        assertThat(cacheRoot.resolve("oci/blobs/sha256")).satisfies(dir -> {
            if (Files.exists(dir)) {
                assertThat(dir.toFile().list()).hasSize(1); // only the config, which is under the manifest limit
            }
        });
    }

    private static String mediaTypeOf(String nameAndTag) {
        ImageReference reference = ref(nameAndTag);
        return new RegistryClient(reference, RegistryOptions.defaults()).fetchManifest(reference.tag()).mediaType();
    }

    private OciPuller puller() {
        return new OciPuller(new BlobCache(cacheRoot), RegistryOptions.defaults());
    }

    private static ImageReference ref(String nameAndTag) {
        return ImageReference.parse(registry.hostPort() + "/" + nameAndTag);
    }

    static void assertLayersHold(PulledImage image, List<Map<String, String>> expected) throws Exception {
        List<Map<String, String>> actual = new ArrayList<>();
        for (PulledLayer layer : image.layers()) {
            try (InputStream tar = LayerStreams.open(layer.blob(), layer.mediaType())) {
                actual.add(new LinkedHashMap<>(TarContents.read(tar)));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }
}
