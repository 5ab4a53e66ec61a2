package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BzImageTest {
    @TempDir
    Path dir;

    @Test
    void recognisesTheBootHeaderAndReadsTheRelease() throws IOException {
        Path image = FakeKernelFiles.bzImage(dir.resolve("vmlinuz"), "6.1.0-50-cloud-amd64");
        assertThat(BzImage.isBzImage(image)).isTrue();
        assertThat(BzImage.release(image)).contains("6.1.0-50-cloud-amd64");
        assertThat(BzImage.versionString(image).orElseThrow()).startsWith("6.1.0-50-cloud-amd64 (test@banger)");
    }

    @Test
    void rejectsOtherFilesWithBadRequestNamingTheField() throws IOException {
        Path initrd = Files.write(dir.resolve("initrd.img"), new byte[]{0x1f, (byte) 0x8b, 8, 0});
        Path big = Files.write(dir.resolve("elf"), new byte[0x1000]);
        assertThat(BzImage.isBzImage(initrd)).isFalse();
        assertThat(BzImage.isBzImage(big)).isFalse();
        assertThat(BzImage.isBzImage(dir.resolve("missing"))).isFalse();
        assertThatThrownBy(() -> BzImage.require(big, "params.kernel"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("params.kernel").hasMessageContaining("HdrS");
    }
}
