package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.Commands;
import dev.banger.plugins.image.testing.TarContents;
import dev.banger.plugins.image.testing.TarFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerStreamsTest {
    private static final Map<String, String> FILES = Map.of("etc/hostname", "fixture\n");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.oci.image.layer.v1.tar", "application/vnd.docker.image.rootfs.diff.tar"})
    void uncompressedTarPassesThrough(String mediaType) throws IOException {
        assertThat(readBack(mediaType, UnaryOperator.identity())).isEqualTo(FILES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.docker.image.rootfs.diff.tar.gzip"})
    void gzipIsDecompressed(String mediaType) throws IOException {
        assertThat(readBack(mediaType, TarFixtures::gzip)).isEqualTo(FILES);
    }

    @Test
    void zstdIsDecompressedThroughTheZstdProcess() throws IOException {
        Assumptions.assumeTrue(Commands.available("zstd"), "zstd is not installed (apt-get install zstd)");
        assertThat(readBack("application/vnd.oci.image.layer.v1.tar+zstd", TarFixtures::zstd)).isEqualTo(FILES);
    }

    @Test
    void corruptZstdFailsWithZstdsMessage() throws IOException {
        Assumptions.assumeTrue(Commands.available("zstd"), "zstd is not installed (apt-get install zstd)");
        Path blob = Files.write(dir.resolve("bad"), "not zstd at all".getBytes());
        assertThatThrownBy(() -> {
            try (InputStream in = LayerStreams.open(blob, "application/vnd.oci.image.layer.v1.tar+zstd")) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("zstd -dc failed");
    }

    @Test
    void unknownMediaTypeIsABadRequestNamingIt() {
        assertThatThrownBy(() -> LayerStreams.open(dir.resolve("x"), "application/vnd.example.layer+bzip2"))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("application/vnd.example.layer+bzip2");
                });
    }

    private Map<String, String> readBack(String mediaType, UnaryOperator<byte[]> compress) throws IOException {
        Path blob = Files.write(dir.resolve("layer"), compress.apply(TarFixtures.tar(FILES)));
        try (InputStream tar = LayerStreams.open(blob, mediaType)) {
            return TarContents.read(tar);
        }
    }
}
