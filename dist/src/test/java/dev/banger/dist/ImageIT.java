package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.rootfs.Ext4Inspector;
import dev.banger.plugins.image.rootfs.FixtureImage;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.TarFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** image.* and kernel.* through a real daemon, against a real registry on 127.0.0.1. */
class ImageIT {
    private static LocalRegistry registry;
    private static Path layoutDir;

    @BeforeAll
    static void registry() throws Exception {
        LocalRegistry.assumeToolsPresent();
        registry = LocalRegistry.start(LocalRegistry.Mode.ANONYMOUS);
        layoutDir = Files.createTempDirectory("bgimg");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        var base = layout.image(Platform.LINUX_AMD64, List.of(
                TarFixtures.tar(Map.of("etc/os-release", "ID=fixture\nVERSION_ID=1\n", "bin/hello", "#!/bin/sh\necho hi\n")),
                TarFixtures.randomTar("data/blob.bin", 3 << 20, 42)), OciLayoutWriter.Compression.GZIP);
        layout.tag("v1", base);
        Skopeo.push(layout, "v1", registry, "fixture/app", Skopeo.Format.OCI, false);
        // the flattening fixture (whiteouts, opaque dirs, hard links, devices, setuid, other owners),
        // as Docker v2 and inside a multi-platform index
        var full = layout.image(Platform.LINUX_AMD64, FixtureImage.layers(), OciLayoutWriter.Compression.GZIP);
        layout.tag("full", full);
        Skopeo.push(layout, "full", registry, "fixture/full", Skopeo.Format.DOCKER_V2, false);
        var arm = layout.image(Platform.parse("linux/arm64"), List.of(TarFixtures.tar(Map.of("arm", "arm\n"))), OciLayoutWriter.Compression.GZIP);
        layout.tag("multi", layout.index(List.of(arm, full)));
        Skopeo.push(layout, "multi", registry, "fixture/multi", Skopeo.Format.OCI, true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (layoutDir != null) {
            try (Stream<Path> walk = Files.walk(layoutDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static JsonNode await(RpcClient c, String opId) {
        return c.callRaw("daemon.operations.wait", Map.of("id", opId, "timeout_ms", 120_000), null, e -> { });
    }

    @Test
    void aPulledImageIsRegisteredWithItsGuestInfoAndDeletable() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            JsonNode op = c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/fixture/app:v1"), null, e -> { });
            assertThat(op.path("kind").asText()).isEqualTo("image.pull");
            assertThat(op.path("subject").asText()).as("the derived name, so clients need not guess it").isEqualTo("app-v1");
            JsonNode done = await(c, op.path("id").asText());
            assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();

            JsonNode image = c.callRaw("image.show", Map.of("name", "app-v1"), null, e -> { });
            assertThat(image.path("source").asText()).contains("fixture/app");
            assertThat(image.path("digest").asText()).startsWith("sha256:");
            assertThat(image.at("/guest/os_id").asText()).isEqualTo("fixture");
            assertThat(image.at("/guest/init").asText()).isEqualTo("/usr/lib/banger/init");
            Path rootfs = Path.of(image.path("rootfs").asText());
            assertThat(Files.size(rootfs)).isGreaterThanOrEqualTo(1L << 30);
            assertThat(debugfs(rootfs, "stat /data/blob.bin")).contains("Size: " + (3 << 20));
            assertThat(debugfs(rootfs, "stat /usr/lib/banger/guest-setup")).contains("User:     0");

            DaemonFixture.CliResult list = d.cli("image", "list");
            assertThat(list.out()).contains("app-v1");

            assertThatThrownBy(() -> c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/fixture/app:v1"), null, e -> { }))
                    .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("already_exists"));

            c.callRaw("image.delete", Map.of("name", "app-v1"), null, e -> { });
            assertThat(Files.exists(rootfs)).isFalse();
            assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").size()).isZero();
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsCreated() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            for (Map<String, Object> params : List.<Map<String, Object>>of(
                    Map.of("ref", "UPPER/Case::bad"), Map.of("ref", "debian:bookworm", "name", "../escape"),
                    Map.of("ref", "debian:bookworm", "size_bytes", -1), Map.of("ref", "debian:bookworm", "creds", "no-colon"),
                    Map.of("ref", "debian:bookworm", "colour", "red"))) {
                assertThatThrownBy(() -> c.callRaw("image.pull", params, null, e -> { })).as(params.toString())
                        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("bad_request"));
            }
            assertThat(c.callRaw("daemon.operations.list", null, null, e -> { }).path("operations").size()).isZero();
            assertThat(stagingLeft(d)).isZero();
        }
    }

    @Test
    void aMissingTagFailsTheOperationWithNotFoundAndLeavesNothing() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            JsonNode op = c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/fixture/app:nope"), null, e -> { });
            JsonNode done = await(c, op.path("id").asText());
            assertThat(done.at("/error/code").asText()).isEqualTo("not_found");
            assertThat(stagingLeft(d)).isZero();
            DaemonFixture.CliResult cli = d.cli("image", "pull", registry.hostPort() + "/fixture/app:nope");
            assertThat(cli.exit()).isEqualTo(3);
            assertThat(cli.err()).contains("banger: ").containsPattern("\\(op-[0-9a-f]+\\)");
        }
    }

    @Test
    void killingTheDaemonMidPullLeavesNoHalfImageAfterRestart() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            try (RpcClient c = d.client()) {
                c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/fixture/app:v1", "name", "killed"), null, e -> { });
                long deadline = System.currentTimeMillis() + 30_000;
                while (stagingLeft(d) == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(stagingLeft(d)).as("the kill lands while the pull is staging, or this test proves nothing").isPositive();
            d.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            d.start();
            try (RpcClient c = d.client()) {
                assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").size()).isZero();
            }
            assertThat(stagingLeft(d)).isZero();
            assertThat(unverifiedBlobs(d)).isZero();
        }
    }

    @Test
    void kernelImportAndCachePruneWorkThroughTheCli() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start()) {
            Path fake = Files.createTempFile(d.root, "vmlinuz", "");
            byte[] bz = new byte[4096];
            System.arraycopy("HdrS".getBytes(), 0, bz, 0x202, 4);
            Files.write(fake, bz);
            DaemonFixture.CliResult imported = d.cli("kernel", "import", "mine", "--kernel", fake.toString(), "--json");
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(d.cli("kernel", "list").out()).contains("mine");
            DaemonFixture.CliResult notKernel = d.cli("kernel", "import", "bad", "--kernel", d.log.toString());
            assertThat(notKernel.exit()).isEqualTo(2);
            assertThat(notKernel.err()).contains("params.kernel");
            DaemonFixture.CliResult prune = d.cli("image", "cache", "prune", "--dry-run");
            assertThat(prune.exit()).isZero();
            assertThat(prune.out()).startsWith("would free");
        }
    }

    @Test
    void everyFlatteningRuleSurvivesTheRegistryAsDockerV2AndFromAnIndex() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            for (String ref : List.of("fixture/full:full", "fixture/multi:multi")) {
                String name = ref.substring(ref.indexOf(':') + 1);
                JsonNode op = c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/" + ref, "name", name), null, e -> { });
                JsonNode done = await(c, op.path("id").asText());
                assertThat(done.path("error").isMissingNode()).as(done.toString()).isTrue();
                Path rootfs = Path.of(c.callRaw("image.show", Map.of("name", name), null, e -> { }).path("rootfs").asText());
                List<String> listing = FixtureImage.describeAll(Ext4Inspector.list(rootfs));
                for (String expected : FixtureImage.EXPECTED.lines().toList()) {
                    // guest preparation adds directories under /etc and /usr, so a directory's link count may grow
                    String wanted = expected.contains(" DIRECTORY ") ? expected.substring(0, expected.lastIndexOf(' ')) : expected;
                    assertThat(listing).as(ref).anyMatch(line -> line.equals(expected) || line.startsWith(wanted + " "));
                }
            }
        }
    }

    @Test
    void aDirectoryAndATarImportLikeAPull() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().start(); RpcClient c = d.client()) {
            Path dir = Files.createDirectories(d.root.resolve("import-src/etc"));
            Files.writeString(dir.resolve("os-release"), "ID=imported\nVERSION_ID=7\n");
            Path tar = d.root.resolve("layer.tar");
            Files.write(tar, TarFixtures.tar(Map.of("etc/os-release", "ID=tarred\n", "opt/x", "x")));
            DaemonFixture.CliResult fromDir = d.cli("image", "import", dir.getParent().toString(), "--name", "from-dir");
            assertThat(fromDir.exit()).as(fromDir.err()).isZero();
            DaemonFixture.CliResult fromTar = d.cli("image", "import", tar.toString(), "--name", "from-tar", "--json");
            assertThat(fromTar.exit()).as(fromTar.err()).isZero();
            assertThat(c.callRaw("image.show", Map.of("name", "from-dir"), null, e -> { }).at("/guest/os_id").asText()).isEqualTo("imported");
            assertThat(c.callRaw("image.show", Map.of("name", "from-tar"), null, e -> { }).at("/guest/os_id").asText()).isEqualTo("tarred");
            DaemonFixture.CliResult missing = d.cli("image", "import", d.root.resolve("nope.tar").toString(), "--name", "nope");
            assertThat(missing.exit()).isEqualTo(3);
        }
    }

    @Test
    void deletingAnImageIsAllowedWhenTheVmPluginIsDisabled() throws Exception {
        try (DaemonFixture d = DaemonFixture.withPlugins().config("[plugins]\ndisabled = [\"vm\"]\n").start(); RpcClient c = d.client()) {
            JsonNode op = c.callRaw("image.pull", Map.of("ref", registry.hostPort() + "/fixture/app:v1", "name", "lonely"), null, e -> { });
            assertThat(await(c, op.path("id").asText()).path("error").isMissingNode()).isTrue();
            assertThat(c.callRaw("image.delete", Map.of("name", "lonely"), null, e -> { }).path("deleted").asBoolean()).isTrue();
        }
    }

    private static String debugfs(Path image, String command) throws Exception {
        Process p = new ProcessBuilder("debugfs", "-R", command, image.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static long stagingLeft(DaemonFixture d) throws Exception {
        Path images = d.root.resolve("state/banger/image/images");
        if (!Files.isDirectory(images)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(images)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".staging-")).count();
        }
    }

    private static long unverifiedBlobs(DaemonFixture d) throws Exception {
        Path staging = d.root.resolve("cache/banger/image/oci-staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(staging)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
