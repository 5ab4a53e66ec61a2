package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Method choice by e2fsprogs version, sizing, the flat tar for mke2fs -d tar, odd names, tool failures, the facade. */
class Ext4BuilderTest {
    @TempDir
    Path dir;

    @Test
    void tarInputIsChosenFrom1471AndDirectoryPlusDebugfsBefore() {
        assertThat(E2fsprogsVersion.parse("mke2fs 1.47.0 (5-Feb-2023)\n\tUsing EXT2FS Library version 1.47.0"))
                .isEqualTo(new E2fsprogsVersion(1, 47, 0));
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("mke2fs 1.47.0 (5-Feb-2023)")).method())
                .isEqualTo(Ext4Builder.Method.DIRECTORY_AND_DEBUGFS);
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("mke2fs 1.47.1 (20-May-2024)")).method()).isEqualTo(Ext4Builder.Method.TAR_INPUT);
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("mke2fs 1.47.2 (1-Jan-2025)")).method()).isEqualTo(Ext4Builder.Method.TAR_INPUT);
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("mke2fs 1.48 (1-Jan-2026)")).method()).isEqualTo(Ext4Builder.Method.TAR_INPUT);
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("mke2fs 1.46.6 (1-Feb-2023)")).method()).isEqualTo(Ext4Builder.Method.DIRECTORY_AND_DEBUGFS);
        assertThat(new Ext4Builder(E2fsprogsVersion.parse("garbage")).method()).isEqualTo(Ext4Builder.Method.DIRECTORY_AND_DEBUGFS);
    }

    @Test
    void thisHostsE2fsprogsIsDetected() {
        Ext4Tools.assumeE2fsprogs();
        assertThat(E2fsprogsVersion.detect().major()).isEqualTo(1);
    }

    @Test
    void sizeIsContentTimesOneAndAHalfAtLeastOneGibOrExplicit() {
        assertThat(Ext4Sizing.of(10L << 20, 100, OptionalLong.empty()).sizeBytes()).isEqualTo(1L << 30);
        assertThat(Ext4Sizing.of(2L << 30, 100, OptionalLong.empty()).sizeBytes()).isEqualTo(3L << 30);
        assertThat(Ext4Sizing.of(10L << 20, 100, OptionalLong.of(512L << 20)).sizeBytes()).isEqualTo(512L << 20);
        assertThat(Ext4Sizing.of(10L << 20, 1_000_000, OptionalLong.empty()).inodes()).isGreaterThan(1_000_000);
        assertThatThrownBy(() -> Ext4Sizing.of(1L << 30, 100, OptionalLong.of(100L << 20)))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("size:");
    }

    @Test
    void flatTarHasRealMetadataParentsFirstAndHardLinksAfterTheirTarget() throws Exception {
        StagingTree tree = new LayerFlattener().flatten(FixtureImage.suppliers(), dir.resolve("staging"), new RecordingProgress());
        Path tar = dir.resolve("flat.tar");

        FlatTarWriter.write(tree, tar);

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                names.add(name);
                if (name.equals("./usr/bin/su")) {
                    assertThat(e.getMode() & 07777).isEqualTo(04755);
                    assertThat(new String(in.readAllBytes())).isEqualTo("su-binary");
                } else if (name.equals("./data/keep2")) {
                    assertThat(e.isLink()).isTrue();
                    assertThat(e.getLinkName()).isEqualTo("./data/keep1");
                } else if (name.equals("./dev/ttyS0")) {
                    assertThat(e.isCharacterDevice()).isTrue();
                    assertThat(e.getDevMajor()).isEqualTo(4);
                    assertThat(e.getDevMinor()).isEqualTo(64);
                    assertThat(e.getLongGroupId()).isEqualTo(5);
                } else if (name.equals("./var/nobody/")) {
                    assertThat(e.getLongUserId()).isEqualTo(65534);
                }
            }
        }
        assertThat(names.get(0)).isEqualTo("./");
        assertThat(names.indexOf("./data/keep1")).isLessThan(names.indexOf("./data/keep2"));
        assertThat(names.indexOf("./usr/")).isLessThan(names.indexOf("./usr/bin/")).isLessThan(names.indexOf("./usr/bin/su"));
        assertThat(names).hasSize(tree.nodes().size());
    }

    @Test
    void namesWithSpacesQuotesAndUnicodeSurviveTheFixupAndTheInspector() throws Exception {
        Ext4Tools.assumeE2fsprogs();
        byte[] layer = new TarFixture().dir("a dir", 0700, 1000, 1000).file("a dir/say \"hi\".txt", "hi", 04711, 1000, 1000)
                .file("ünïcødé", "u", 0600, 65534, 65534).fifo("a dir/pipe \"x\"", 0640).build();
        StagingTree tree = new LayerFlattener().flatten(List.of(TarFixture.layer("l", layer)), dir.resolve("s"), new RecordingProgress());
        Path image = dir.resolve("odd.ext4");

        new Ext4Builder().build(tree, image, OptionalLong.empty(), new RecordingProgress());

        assertThat(FixtureImage.describeAll(Ext4Inspector.list(image))).containsExactly(
                "/a dir DIRECTORY 1000:1000 0700 - 2",
                "/a dir/pipe \"x\" FIFO 0:0 0640 0 1",
                "/a dir/say \"hi\".txt FILE 1000:1000 4711 2 1",
                "/ünïcødé FILE 65534:65534 0600 1 1");
    }

    @Test
    void aFailingToolIsNamedWithItsStderr() throws Exception {
        Ext4Tools.assumeE2fsprogs();
        Path notExt4 = Files.writeString(dir.resolve("not.ext4"), "definitely not a filesystem");

        assertThatThrownBy(() -> Ext4Inspector.list(notExt4))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("debugfs failed")
                .hasMessageContaining("while trying to open");
    }

    @Test
    void facadeBuildsReportsFeaturesAndLeavesOnlyTheImage() throws Exception {
        Ext4Tools.assumeE2fsprogs();
        Path out = dir.resolve("images").resolve("fixture.ext4");
        Files.createDirectories(out.getParent());
        RecordingProgress progress = new RecordingProgress();

        BuiltRootfs built = new RootfsBuilder().build(FixtureImage.suppliers(), out, OptionalLong.empty(), progress);

        assertThat(built.path()).isEqualTo(out);
        assertThat(built.sizeBytes()).isEqualTo(Files.size(out)).isEqualTo(1L << 30);
        assertThat(built.contentBytes()).isPositive();
        assertThat(built.features()).isEqualTo(new GuestFeatures(false, false, null, null, null, GuestFeatures.BANGER_INIT));
        assertThat(progress.stages()).containsExactly("flatten", "guest", "mkfs", "fixup");
        try (var left = Files.list(out.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("fixture.ext4");
        }
    }

    @Test
    void aBadLayerLeavesNoStagingOrPartialImage() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        List<LayerSupplier> layers = List.of(TarFixture.layer("evil", new TarFixture().file("../x", "x").build()));

        assertThatThrownBy(() -> new RootfsBuilder(new Ext4Builder(new E2fsprogsVersion(1, 47, 0)), new GuestPreparer())
                .build(layers, images.resolve("x.ext4"), OptionalLong.empty(), new RecordingProgress()))
                .isInstanceOf(RpcException.class);
        try (var left = Files.list(images)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void cleanupRemovesStagingDirsAndPartialImagesOnly() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(images.resolve(RootfsBuilder.STAGING_PREFIX + "abc/usr/bin"));
        Files.writeString(images.resolve(".debian.ext4" + Ext4Builder.PARTIAL_MARKER + "1f"), "half");
        Files.writeString(images.resolve("debian.ext4"), "keep");

        RootfsBuilder.cleanupLeftovers(images);

        try (var left = Files.list(images)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("debian.ext4");
        }
    }
}
