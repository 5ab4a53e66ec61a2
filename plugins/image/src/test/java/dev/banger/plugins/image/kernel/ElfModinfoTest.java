package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trees without modules.dep (Debian's packages ship none) are ordered from each module's .modinfo. */
class ElfModinfoTest {
    @TempDir
    Path dir;

    @Test
    void readsDependsFromTheModinfoSection() throws IOException {
        Path module = FakeKernelFiles.module(dir.resolve("m.ko"), "virtio", "virtio_ring");
        assertThat(ElfModinfo.dependsOn(module)).containsExactly("virtio", "virtio_ring");
        assertThat(ElfModinfo.entries(module)).contains("license=GPL", "name=test");
        assertThat(ElfModinfo.dependsOn(FakeKernelFiles.module(dir.resolve("n.ko")))).isEmpty();
    }

    @Test
    void rejectsFilesThatAreNotElf() throws IOException {
        Path text = Files.writeString(dir.resolve("x.ko"), "not a module");
        assertThatThrownBy(() -> ElfModinfo.dependsOn(text)).isInstanceOf(IOException.class).hasMessageContaining("not a 64-bit");
    }

    @Test
    void ordersATreeWithoutModulesDepIncludingCompressedModules() throws Exception {
        Path tree = dir.resolve("lib/modules/6.1.0-test");
        FakeKernelFiles.module(tree.resolve("kernel/drivers/virtio/virtio.ko"));
        FakeKernelFiles.module(tree.resolve("kernel/drivers/virtio/virtio_ring.ko"));
        Path blk = FakeKernelFiles.module(tree.resolve("kernel/drivers/block/virtio_blk.ko"), "virtio", "virtio_ring");
        gzip(blk);
        Files.writeString(tree.resolve("modules.builtin"), "kernel/fs/ext4/ext4.ko\n");

        KernelModules modules = KernelModules.open(tree, dir.resolve("scratch"));
        List<String> order = modules.loadOrder(List.of("virtio_blk", "ext4"));

        assertThat(order).containsExactly("kernel/drivers/virtio/virtio.ko", "kernel/drivers/virtio/virtio_ring.ko",
                "kernel/drivers/block/virtio_blk.ko.gz");
        Path plain = modules.files().plain("kernel/drivers/block/virtio_blk.ko.gz");
        assertThat(plain).startsWith(dir.resolve("scratch")).hasFileName("virtio_blk.ko");
        assertThat(ElfModinfo.dependsOn(plain)).containsExactly("virtio", "virtio_ring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xz", "zstd"})
    void uncompressesXzAndZstdModulesWithTheirTools(String tool) throws Exception {
        assumeTrue(DebianCloudKernelTest.onPath(tool), tool + " is not installed");
        Path tree = dir.resolve("lib/modules/6.1.0-" + tool);
        Path module = FakeKernelFiles.module(tree.resolve("kernel/m.ko"), "dep");
        byte[] plain = Files.readAllBytes(module);
        HostCommand.of(List.of(tool, "-q", module.toString())).timeout(Duration.ofMinutes(1)).purpose("compress").run();
        String shipped = "kernel/m.ko." + (tool.equals("xz") ? "xz" : "zst");
        assertThat(tree.resolve(shipped)).isRegularFile();

        Path uncompressed = new ModuleFiles(tree, dir.resolve("scratch-" + tool)).plain(shipped);

        assertThat(Files.readAllBytes(uncompressed)).isEqualTo(plain);
        assertThat(ModuleFiles.plainName(shipped)).isEqualTo("kernel/m.ko");
    }

    private static void gzip(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        Files.delete(file);
    }
}
