package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelStoreTest {
    @TempDir
    Path root;

    private KernelStore store() {
        return new KernelStore(root);
    }

    private StoredKernel stage(String name, boolean force, String version) throws IOException {
        try (KernelStaging staging = store().newStaging()) {
            FakeKernelFiles.bzImage(staging.content().resolve("vmlinuz"), version);
            return staging.commit(name, version, "test", force);
        }
    }

    @Test
    void committedKernelsAreListedAndShownWithTheirDigests() throws IOException {
        StoredKernel stored = stage("b", false, "6.1-b");
        stage("a", false, "6.1-a");

        assertThat(store().list()).extracting(k -> k.record().name()).containsExactly("a", "b");
        StoredKernel shown = store().show("b");
        assertThat(shown.record()).isEqualTo(stored.record());
        assertThat(shown.record().vmlinuzSha256()).isEqualTo(Sha256.of(shown.vmlinuz()));
        assertThat(shown.record().initrdSha256()).isNull();
        assertThat(shown.initrd()).isEmpty();
        assertThat(shown.summary().version()).isEqualTo("6.1-b");
        assertThat(shown.summary().vmlinuz()).isEqualTo(shown.vmlinuz().toString());
        assertThat(Files.readString(shown.dir().resolve("kernel.json"))).contains("\"vmlinuz_sha256\"", "\"created_at\"");
        assertThat(stagingDirs()).isZero();
    }

    @Test
    void anExistingNameIsRefusedUnlessForced() throws IOException {
        stage("k", false, "old");
        assertThatThrownBy(() -> stage("k", false, "new"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(stagingDirs()).as("the refused staging directory is removed").isZero();

        stage("k", true, "new");
        assertThat(store().show("k").record().version()).isEqualTo("new");
        assertThat(stagingDirs()).isZero();
    }

    @Test
    void deleteRemovesTheKernelAndUnknownNamesAreNotFound() throws IOException {
        stage("k", false, "v");
        store().delete("k");
        assertThat(store().list()).isEmpty();
        assertThat(root.resolve("k")).doesNotExist();
        assertThatThrownBy(() -> store().delete("k")).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> store().show("k")).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> store().show("../etc")).hasMessageContaining("params.name");
    }

    @Test
    void cleanupRemovesLeftoverStagingAndKeepsKernels() throws IOException {
        stage("kept", false, "v");
        KernelStaging abandoned = store().newStaging(); // as if the daemon died mid-pull
        Files.writeString(abandoned.content().resolve("vmlinuz"), "half a kernel");
        Files.createDirectories(root.resolve(".staging-crashed/work/debs"));

        assertThat(store().cleanupStaging()).isEqualTo(2);
        assertThat(stagingDirs()).isZero();
        assertThat(store().list()).extracting(k -> k.record().name()).containsExactly("kept");
        assertThat(new KernelStore(root.resolve("never-created")).cleanupStaging()).isZero();
    }

    @Test
    void anUncommittedStagingDisappearsOnClose() throws IOException {
        try (KernelStaging staging = store().newStaging()) {
            Files.writeString(staging.work().resolve("x"), "x");
        }
        assertThat(stagingDirs()).isZero();
        assertThat(store().list()).isEmpty();
    }

    private long stagingDirs() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith(".staging-")).count();
        }
    }
}
