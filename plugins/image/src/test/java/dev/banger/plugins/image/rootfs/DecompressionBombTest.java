package dev.banger.plugins.image.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.RecordingProgress;
import dev.banger.plugins.image.testing.TarFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer that expands past its {@link ExpansionLimit} is refused while it is read, and leaves nothing behind. */
class DecompressionBombTest {
    private static final int FOUR_MIB = 4 << 20;
    @TempDir
    Path dir;

    private Path gzipLayer(byte[] tar) throws Exception {
        Path blob = dir.resolve("layer.tar.gz");
        Files.write(blob, TarFixtures.gzip(tar));
        return blob;
    }

    private static byte[] zeros(int bytes) {
        return new TarFixture().file("zeros", "\0".repeat(bytes)).build();
    }

    @Test
    void aLayerExpandingPastItsRatioIsRefusedNamingTheLayer() throws Exception {
        Path blob = gzipLayer(zeros(FOUR_MIB));
        LayerSupplier bomb = LayerSupplier.of("sha256:bomb", blob, () -> new GZIPInputStream(Files.newInputStream(blob)));
        Path staging = dir.resolve("staging");

        assertThatThrownBy(() -> new LayerFlattener(1.0, new ExpansionLimit(1L << 30, 100, 1 << 20))
                .flatten(List.of(bomb), staging, new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("layer 1/1 (sha256:bomb)")
                .hasMessageContaining("expands to more than 1048576 bytes from " + Files.size(blob) + " stored bytes")
                .hasMessageContaining("decompression bomb");
        assertThat(staging).doesNotExist();
    }

    @Test
    void aLayerPastTheAbsoluteLimitIsRefusedEvenWhenItDoesNotCompress() throws Exception {
        byte[] tar = TarFixtures.randomTar("noise", FOUR_MIB, 7);
        Path blob = gzipLayer(tar);
        LayerSupplier big = LayerSupplier.of("sha256:big", blob, () -> new GZIPInputStream(Files.newInputStream(blob)));

        assertThatThrownBy(() -> new LayerFlattener(1.0, new ExpansionLimit(2 << 20, 100, 1 << 20))
                .flatten(List.of(big), dir.resolve("staging"), new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("expands to more than 2097152 bytes");
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void aStreamOfUnknownStoredSizeGetsOnlyTheAbsoluteLimit() {
        LayerSupplier streamed = TarFixture.layer("dir", zeros(FOUR_MIB));
        assertThatThrownBy(() -> new LayerFlattener(1.0, new ExpansionLimit(1 << 20, 100, 1 << 10))
                .flatten(List.of(streamed), dir.resolve("s1"), new RecordingProgress()))
                .hasMessageContaining("expands to more than 1048576 bytes:");
    }

    @Test
    void aSmallLayerOfZerosIsFineUnderTheDefaults() throws Exception {
        Path blob = gzipLayer(zeros(FOUR_MIB));
        LayerSupplier zeros = LayerSupplier.of("sha256:zeros", blob, () -> new GZIPInputStream(Files.newInputStream(blob)));

        StagingTree tree = new LayerFlattener().flatten(List.of(zeros), dir.resolve("s"), new RecordingProgress());

        assertThat(Files.size(tree.hostPath("/zeros"))).isEqualTo(FOUR_MIB);
    }

    @Test
    void theLimitIsTheRatioAboveTheFloorAndNeverPastTheMaximum() {
        ExpansionLimit limit = new ExpansionLimit(1000, 10, 100);
        assertThat(limit.allowedFor(5)).isEqualTo(100);
        assertThat(limit.allowedFor(50)).isEqualTo(500);
        assertThat(limit.allowedFor(500)).isEqualTo(1000);
        assertThat(limit.allowedFor(-1)).isEqualTo(1000);
        assertThat(ExpansionLimit.defaults().allowedFor(Long.MAX_VALUE / 2)).isEqualTo(32L << 30);
    }
}
