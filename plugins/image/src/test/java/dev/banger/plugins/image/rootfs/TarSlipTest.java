package dev.banger.plugins.image.rootfs;

import dev.banger.plugins.image.testing.RecordingProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a layer could write outside the image root is refused as bad_request naming the entry, leaving nothing behind. */
class TarSlipTest {
    @TempDir
    Path dir;

    static Stream<Arguments> hostileLayers() {
        return Stream.of(
                slip("absolute path", "/etc/evil", () -> new TarFixture().rawFile("/etc/evil")),
                slip("dot-dot", "../evil", () -> new TarFixture().file("../evil", "x")),
                slip("dot-dot in the middle", "a/../../evil", () -> new TarFixture().dir("a").file("a/../../evil", "x")),
                slip("through a relative symlink leaving the root", "esc/evil",
                        () -> new TarFixture().dir("d").symlink("d/esc", "../../..").symlink("esc", "d/esc").file("esc/evil", "x")),
                slip("through an absolute symlink climbing out", "up/evil",
                        () -> new TarFixture().symlink("up", "/../..").file("up/evil", "x")),
                slip("through a chain of symlinks", "a/evil",
                        () -> new TarFixture().dir("c").symlink("a", "b").symlink("b", "c/../..").file("a/evil", "x")),
                slip("symlink parent of a directory entry", "esc/sub/",
                        () -> new TarFixture().symlink("esc", "../outside").dir("esc/sub")),
                slip("hard link to a path outside", "innocent",
                        () -> new TarFixture().hardLink("innocent", "../../etc/shadow")),
                slip("hard link through an escaping symlink", "grab",
                        () -> new TarFixture().symlink("esc", "../..").hardLink("grab", "esc/etc/shadow")),
                slip("whiteout through an escaping symlink", "esc/.wh.passwd",
                        () -> new TarFixture().symlink("esc", "../../etc").whiteout("esc", "passwd")));
    }

    private static Arguments slip(String why, String entry, Supplier<TarFixture> layer) {
        return Arguments.of(why, entry, layer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLayers")
    void isRefusedNamingTheEntry(String why, String entry, Supplier<TarFixture> layer) {
        Path staging = dir.resolve("staging");
        List<LayerSupplier> layers = List.of(TarFixture.layer("base", new TarFixture().dir("etc").file("etc/passwd", "x").build()),
                TarFixture.layer("hostile", layer.get().build()));

        assertThatThrownBy(() -> new LayerFlattener().flatten(layers, staging, new RecordingProgress()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining("layer 2/2 (hostile)");
        assertThat(staging).doesNotExist();
    }

    @Test
    void replacingAnEscapingSymlinkIsFineBecauseItIsNotWrittenThrough() throws Exception {
        byte[] layer = new TarFixture().symlink("esc", "../../etc/passwd").file("esc", "replaced").build();

        StagingTree tree = new LayerFlattener().flatten(List.of(TarFixture.layer("l", layer)), dir.resolve("s"), new RecordingProgress());

        assertThat(tree.get("/esc").type()).isEqualTo(NodeType.FILE);
        assertThat(Files.readString(tree.hostPath("/esc"))).isEqualTo("replaced");
    }

    @Test
    void symlinksInsideTheRootAreFollowedForParents() throws Exception {
        byte[] layer = new TarFixture().dir("usr").dir("usr/lib").symlink("lib", "/usr/lib").file("lib/x", "via absolute link").build();

        StagingTree tree = new LayerFlattener().flatten(List.of(TarFixture.layer("l", layer)), dir.resolve("s"), new RecordingProgress());

        assertThat(tree.get("/usr/lib/x")).isNotNull();
        assertThat(tree.get("/lib/x")).isNull();
    }

    @Test
    void cancellingMidwayLeavesNothingBehind() {
        Path staging = dir.resolve("staging");
        assertThatThrownBy(() -> new LayerFlattener().flatten(FixtureImage.suppliers(), staging, RecordingProgress.cancellingAfterChecks(1)))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(staging).doesNotExist();
    }
}
