package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelImporterTest {
    @TempDir
    Path dir;
    private KernelStore store;
    private KernelImporter importer;
    private Path kernel;
    private Path initrd;

    @BeforeEach
    void files() throws IOException {
        store = new KernelStore(dir.resolve("store"));
        importer = new KernelImporter(store);
        kernel = FakeKernelFiles.bzImage(dir.resolve("vmlinuz-6.1.0-test"), "6.1.0-test");
        initrd = Files.write(dir.resolve("initrd.img"), new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    }

    @Test
    void copiesKernelInitrdAndModulesAndLeavesTheOriginals() throws IOException {
        Path modules = dir.resolve("lib/modules/6.1.0-test");
        FakeKernelFiles.module(modules.resolve("kernel/drivers/block/virtio_blk.ko"));
        Files.createSymbolicLink(modules.resolve("build"), Path.of("/usr/src/linux-headers-6.1.0-test")); // dangling, as on Debian

        StoredKernel stored = importer.importKernel("mine", kernel, Optional.of(initrd), Optional.of(modules), false);

        assertThat(stored.record().version()).isEqualTo("6.1.0-test");
        assertThat(stored.record().source()).isEqualTo("import:" + kernel);
        assertThat(stored.vmlinuz()).hasSameBinaryContentAs(kernel);
        assertThat(stored.initrd()).hasValueSatisfying(p -> assertThat(p).hasSameBinaryContentAs(initrd));
        assertThat(stored.record().initrdSha256()).isEqualTo(Sha256.of(initrd));
        assertThat(stored.modules().orElseThrow().resolve("kernel/drivers/block/virtio_blk.ko")).isRegularFile();
        assertThat(Files.readSymbolicLink(stored.modules().orElseThrow().resolve("build")))
                .isEqualTo(Path.of("/usr/src/linux-headers-6.1.0-test"));
        assertThat(kernel).isRegularFile();
        assertThat(initrd).isRegularFile();
        assertThat(store.show("mine").record()).isEqualTo(stored.record());
    }

    @Test
    void aKernelAloneIsEnough() {
        StoredKernel stored = importer.importKernel("bare", kernel, Optional.empty(), Optional.empty(), false);
        assertThat(stored.initrd()).isEmpty();
        assertThat(stored.modules()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndLeavesNothing() throws IOException {
        assertBadRequest(() -> importer.importKernel("x", initrd, Optional.empty(), Optional.empty(), false), "params.kernel");
        assertBadRequest(() -> importer.importKernel("x", kernel, Optional.of(dir.resolve("nope")), Optional.empty(), false),
                "params.initrd");
        assertBadRequest(() -> importer.importKernel("x", kernel, Optional.empty(), Optional.of(initrd), false), "params.modules");
        assertBadRequest(() -> importer.importKernel("../x", kernel, Optional.empty(), Optional.empty(), false), "params.name");
        assertThat(store.list()).isEmpty();
        assertThat(Files.exists(store.root()) ? Files.list(store.root()).count() : 0).isZero();
    }

    @Test
    void anExistingNameNeedsForce() {
        importer.importKernel("k", kernel, Optional.empty(), Optional.empty(), false);
        assertThatThrownBy(() -> importer.importKernel("k", kernel, Optional.of(initrd), Optional.empty(), false))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(importer.importKernel("k", kernel, Optional.of(initrd), Optional.empty(), true).initrd()).isPresent();
    }

    private static void assertBadRequest(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining(field);
    }
}
