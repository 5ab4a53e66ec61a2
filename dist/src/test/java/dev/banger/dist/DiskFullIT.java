package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.TarFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The daemon's state and cache on a small loop-mounted ext4 that the test fills up: pulls and VM
 * creates fail with no_space naming the directory and the free space, nothing is left half made,
 * the stores still open (across a restart too), and the same work succeeds once space is freed.
 */
class DiskFullIT {
    private static final int BIG_LAYER = 4 << 20;

    @Test
    void aFullDiskFailsPullsAndCreatesClearlyCorruptsNothingAndTheSameWorkSucceedsOnceFreed() throws Exception {
        LocalRegistry.assumeToolsPresent();
        Path layoutDir = Files.createTempDirectory("bgfull");
        try (LoopFs fs = LoopFs.create(256); LocalRegistry registry = LocalRegistry.start(LocalRegistry.Mode.ANONYMOUS);
             DaemonFixture d = DaemonFixture.withPlugins()) {
            OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
            layout.tag("small", layout.image(Platform.LINUX_AMD64, List.of(TarFixtures.tar(Map.of("etc/os-release", "ID=small\n"))),
                    OciLayoutWriter.Compression.GZIP));
            layout.tag("big", layout.image(Platform.LINUX_AMD64, List.of(TarFixtures.randomTar("data/big.bin", BIG_LAYER, 7)),
                    OciLayoutWriter.Compression.GZIP));
            Skopeo.push(layout, "small", registry, "full/small", Skopeo.Format.OCI, false);
            Skopeo.push(layout, "big", registry, "full/big", Skopeo.Format.OCI, false);
            d.env.put("XDG_STATE_HOME", fs.mountPoint.resolve("state").toString());
            d.env.put("XDG_CACHE_HOME", fs.mountPoint.resolve("cache").toString());
            d.start();
            Path state = fs.mountPoint.resolve("state/banger");
            String bigRef = registry.hostPort() + "/full/big:big";
            try (RpcClient c = d.client()) {
                assertThat(pull(c, registry.hostPort() + "/full/small:small", "small").path("error").isMissingNode()).isTrue();
                importFakeKernel(c, d);

                // 1. less room than the blob: refused before a byte is downloaded, naming the cache
                fs.leaveFree(1 << 20);
                JsonNode refused = pull(c, bigRef, "big");
                assertThat(refused.at("/error/code").asText()).as(refused.toString()).isEqualTo("no_space");
                assertThat(refused.at("/error/message").asText()).contains(fs.mountPoint.resolve("cache/banger/image").toString(),
                        "needs about 4.0 MiB", "is free there");
                assertNothingHalfMade(fs);

                // 2. room for the blob but not for the image built from it: the write fails mid-way, reported the same way
                fs.leaveFree(6 << 20);
                JsonNode midway = pull(c, bigRef, "big");
                System.out.println("[DiskFullIT] pull with 6 MiB free: " + midway.path("error"));
                assertThat(midway.at("/error/code").asText()).as(midway.toString()).isEqualTo("no_space");
                assertThat(midway.at("/error/message").asText()).contains(fs.mountPoint.toString(), "is free there");
                assertNothingHalfMade(fs);

                // 3. a VM create on the full disk: no_space, and no row or disk dir left holding the name
                fs.leaveFree(64 << 10);
                assertThatThrownBy(() -> c.callRaw("vm.create", Map.of("name", "cramped", "image", "small", "kernel", "fake",
                        "no_start", true, "disk_size_bytes", 128L << 20), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> {
                            System.out.println("[DiskFullIT] vm.create on a full disk: " + e.getMessage());
                            assertThat(e.code().wire()).isEqualTo("no_space");
                            assertThat(e.getMessage()).contains(state.resolve("vm").toString(), "is free there");
                        });
                assertThatThrownBy(() -> c.callRaw("vm.show", Map.of("name", "cramped"), null, e -> { }))
                        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("not_found"));
                assertThat(state.resolve("vm/vms/cramped")).doesNotExist();
            }

            // 4. nothing corrupt: a daemon restarted on the still-full disk opens every store and lists what was there
            d.stop();
            d.start();
            try (RpcClient c = d.client()) {
                assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").findValuesAsText("name")).containsExactly("small");
                assertThat(c.callRaw("vm.list", null, null, e -> { }).path("vms").size()).isZero();

                // 5. space freed: the very same pull and create now succeed
                fs.removeFiller();
                JsonNode ok = pull(c, bigRef, "big");
                assertThat(ok.path("error").isMissingNode()).as(ok.toString()).isTrue();
                JsonNode vm = c.callRaw("vm.create", Map.of("name", "cramped", "image", "small", "kernel", "fake", "no_start", true,
                        "disk_size_bytes", 128L << 20), null, e -> { });
                assertThat(vm.path("state").asText()).isEqualTo("created");
                c.callRaw("vm.delete", Map.of("names", List.of("cramped")), null, e -> { });
                assertThat(c.callRaw("image.list", null, null, e -> { }).path("images").findValuesAsText("name")).contains("small", "big");
            }
            d.stop(); // before the unmount: the daemon holds its databases open on the loop file system
        } finally {
            try (Stream<Path> walk = Files.walk(layoutDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static JsonNode pull(RpcClient c, String ref, String name) {
        String op = c.callRaw("image.pull", Map.of("ref", ref, "name", name), null, e -> { }).path("id").asText();
        return c.callRaw("daemon.operations.wait", Map.of("id", op, "timeout_ms", 120_000), null, e -> { });
    }

    /** vm.create only needs the kernel's files to exist; it never boots here (no_start). */
    private static void importFakeKernel(RpcClient c, DaemonFixture d) throws Exception {
        Path fake = Files.createTempFile(d.root, "vmlinuz", "");
        byte[] bz = new byte[4096];
        System.arraycopy("HdrS".getBytes(), 0, bz, 0x202, 4);
        Files.write(fake, bz);
        c.callRaw("kernel.import", Map.of("name", "fake", "kernel", fake.toString()), null, e -> { });
    }

    /** No image staging dir, no unverified blob, and every cached blob whole. */
    private static void assertNothingHalfMade(LoopFs fs) throws Exception {
        Path images = fs.mountPoint.resolve("state/banger/image/images");
        try (Stream<Path> s = Files.list(images)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-")).doesNotContain("big");
        }
        Path partials = fs.mountPoint.resolve("cache/banger/image/oci-staging");
        if (Files.isDirectory(partials)) {
            try (Stream<Path> s = Files.list(partials)) {
                assertThat(s.count()).isZero();
            }
        }
        Path blobs = fs.mountPoint.resolve("cache/banger/image/oci/blobs/sha256");
        try (Stream<Path> s = Files.list(blobs)) {
            for (Path blob : s.toList()) {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(blob));
                assertThat(java.util.HexFormat.of().formatHex(hash)).isEqualTo(blob.getFileName().toString());
            }
        }
    }
}
