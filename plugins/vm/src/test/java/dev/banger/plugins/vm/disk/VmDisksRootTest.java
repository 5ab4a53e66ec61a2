package dev.banger.plugins.vm.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root disk follows the backend: a qcow2 overlay for qemu, a raw copy for firecracker, and the spec finds whichever was made. */
class VmDisksRootTest {
    @TempDir
    Path tmp;

    private Path base() throws Exception {
        Path base = tmp.resolve("rootfs.ext4");
        try (RandomAccessFile f = new RandomAccessFile(base.toFile(), "rw")) {
            f.setLength(8 << 20);
            f.seek(4096);
            f.write("banger base".getBytes());
        }
        return base;
    }

    @Test
    void aRawOnlyBackendGetsARawCopyAndTheSpecNamesItRaw() throws Exception {
        Path base = base();
        Path dir = Files.createDirectory(tmp.resolve("vm"));
        Path root = VmDisks.root(dir, base, false);
        assertThat(root.getFileName().toString()).isEqualTo(VmDisks.ROOT_RAW);
        assertThat(Files.readAllBytes(root)).isEqualTo(Files.readAllBytes(base));
        assertThat(VmDisks.rootOf(dir)).isEqualTo(new VmDisks.Disk(root, "raw"));
    }

    @Test
    void aQcow2BackendGetsAnOverlayOverTheUntouchedBase() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-img")), "qemu-img is not installed (apt-get install qemu-utils)");
        Path base = base();
        byte[] before = Files.readAllBytes(base);
        Path dir = Files.createDirectory(tmp.resolve("vm"));
        Path root = VmDisks.root(dir, base, true);
        assertThat(root.getFileName().toString()).isEqualTo(VmDisks.ROOT);
        try (var in = Files.newInputStream(root)) {
            assertThat(new String(in.readNBytes(3))).isEqualTo("QFI");
        }
        assertThat(VmDisks.rootOf(dir)).isEqualTo(new VmDisks.Disk(root, "qcow2"));
        assertThat(Files.readAllBytes(base)).isEqualTo(before);
    }
}
