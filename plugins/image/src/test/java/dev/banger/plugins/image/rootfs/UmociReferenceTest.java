package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our rootless flatten + ext4 equals the reference: umoci unpack (as root) + mkfs.ext4 -d. Compared per
 * path: type, owner, permission bits, size, link count, symlink target, device numbers. Not compared, as
 * they legitimately differ: timestamps, inode numbers, directory sizes (block allocation) and "/" itself.
 */
class UmociReferenceTest {
    @TempDir
    Path dir;

    @Test
    void rootlessBuildMatchesUmociUnpackPlusMkfs() throws Exception {
        Ext4Tools.assumeE2fsprogs();
        assumeTrue(Ext4Tools.onHost("umoci"), "umoci is not installed: no reference unpacker to compare against");
        assumeTrue(Ext4Tools.isRoot(), "umoci unpack needs root to create devices and set owners; tests run as "
                + System.getProperty("user.name"));

        Path reference = referenceImage();
        StagingTree tree = new LayerFlattener().flatten(FixtureImage.suppliers(), dir.resolve("staging"), new RecordingProgress());
        Path ours = dir.resolve("ours.ext4");
        new Ext4Builder().build(tree, ours, OptionalLong.empty(), new RecordingProgress());

        List<String> expected = FixtureImage.describeAll(Ext4Inspector.list(reference));
        assertThat(expected).as("the reference must see the whole fixture").hasSize(FixtureImage.EXPECTED.lines().toList().size());
        assertThat(FixtureImage.describeAll(Ext4Inspector.list(ours))).containsExactlyElementsOf(expected);
    }

    private Path referenceImage() throws Exception {
        Path layout = dir.resolve("oci");
        OciLayoutFixture.write(layout, FixtureImage.layers(), "test");
        Path bundle = dir.resolve("bundle");
        run("umoci", "unpack", "--image", layout + ":test", bundle.toString());
        Path image = dir.resolve("reference.ext4");
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        run(HostTools.find("mkfs.ext4"), "-q", "-F", "-d", bundle.resolve("rootfs").toString(), image.toString());
        return image;
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
    }
}
