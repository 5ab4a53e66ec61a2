package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture image, flattened and built into ext4 on this host's e2fsprogs, checked path by path with debugfs. */
class FlattenToExt4Test {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Ext4Tools.assumeE2fsprogs();
    }

    @Test
    void everyPathHasItsTypeOwnerModeSizeTargetAndDevice() throws Exception {
        Path image = build();

        List<String> listing = FixtureImage.describeAll(Ext4Inspector.list(image));

        assertThat(listing).containsExactlyElementsOf(FixtureImage.EXPECTED.lines().toList());
    }

    @Test
    void hardLinksShareAnInodeAndFileContentIsIntact() throws Exception {
        Path image = build();
        List<Ext4Entry> entries = Ext4Inspector.list(image);

        assertThat(inode(entries, "/data/keep1")).isEqualTo(inode(entries, "/data/keep2"));
        assertThat(inode(entries, "/dev/null")).isEqualTo(inode(entries, "/dev/null-again"));
        assertThat(Debugfs.run(image, List.of("cat \"/usr/lib/libx.so\"", "cat \"/data/link\""), false, null))
                .containsExactly("library via the lib symlink", "shared content");
    }

    @Test
    void imageIsSparseAtLeastOneGibAndPassesFsck() throws Exception {
        Path image = build();

        assertThat(Files.size(image)).isEqualTo(1L << 30);
        Process du = new ProcessBuilder("du", "--block-size=1", image.toString()).start();
        long allocated = Long.parseLong(new String(du.getInputStream().readAllBytes()).split("\\s+")[0]);
        assertThat(allocated).isLessThan(Files.size(image) / 4);
        Process fsck = new ProcessBuilder(HostTools.find("e2fsck"), "-fn", image.toString()).redirectErrorStream(true).start();
        String out = new String(fsck.getInputStream().readAllBytes());
        assertThat(fsck.waitFor()).as(out).isZero();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("staging", "rootfs.ext4");
        }
    }

    private Path build() {
        StagingTree tree = new LayerFlattener().flatten(FixtureImage.suppliers(), dir.resolve("staging"), new RecordingProgress());
        Path image = dir.resolve("rootfs.ext4");
        new Ext4Builder().build(tree, image, OptionalLong.empty(), new RecordingProgress());
        return image;
    }

    private static long inode(List<Ext4Entry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().inode();
    }
}
