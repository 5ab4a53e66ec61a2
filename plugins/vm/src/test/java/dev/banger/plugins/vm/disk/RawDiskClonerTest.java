package dev.banger.plugins.vm.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawDiskClonerTest {
    @TempDir
    Path dir;

    @Test
    void copiesARawImageByteForByte() throws Exception {
        Path base = dir.resolve("rootfs.ext4");
        try (RandomAccessFile f = new RandomAccessFile(base.toFile(), "rw")) {
            f.setLength(8 << 20); // mostly a hole, as a fresh ext4 image is
            f.seek(4 << 20);
            f.write("data in the middle".getBytes());
        }
        Path copy = dir.resolve("vm1-rootfs.raw");

        new RawDiskCloner().cloneTo(base, copy);

        assertThat(Files.mismatch(base, copy)).isEqualTo(-1L);
    }

    @Test
    void refusesAQcow2Image() throws IOException {
        Path qcow = Files.write(dir.resolve("overlay.qcow2"), new byte[] {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3});

        assertThatThrownBy(() -> new RawDiskCloner().cloneTo(qcow, dir.resolve("out.raw")))
                .isInstanceOf(IOException.class).hasMessageEndingWith("is a qcow2 image; firecracker needs a raw disk image");
        assertThat(dir.resolve("out.raw")).doesNotExist();
    }

    @Test
    void neverOverwritesAnExistingDisk() throws IOException {
        Path base = Files.writeString(dir.resolve("base.raw"), "base");
        Path existing = Files.writeString(dir.resolve("vm.raw"), "the VM's data");

        assertThatThrownBy(() -> new RawDiskCloner().cloneTo(base, existing))
                .isInstanceOf(IOException.class).hasMessageContaining("already exists");
        assertThat(existing).hasContent("the VM's data");
    }
}
