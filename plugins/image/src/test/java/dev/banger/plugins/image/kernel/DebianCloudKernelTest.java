package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.plugins.image.testing.RecordingProgress;
import dev.banger.kernel.api.files.FileTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real kernel.pull debian-cloud from this machine's apt mirror (the .debs are downloaded once and
 * reused by every test here), then the result booted in QEMU under TCG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianCloudKernelTest {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private Path dir;
    private CachingDebSource debs;
    private StoredKernel pulled;
    private RecordingProgress pullProgress;

    @BeforeAll
    void pullOnce() throws IOException {
        assumeTrue(onPath("apt-get") && onPath("apt-cache") && onPath("dpkg-deb"), "needs apt-get, apt-cache and dpkg-deb");
        dir = Files.createTempDirectory("banger-kernel-pull");
        debs = new CachingDebSource(Files.createDirectories(dir.resolve("deb-cache")));
        pullProgress = new RecordingProgress();
        long start = System.nanoTime();
        pulled = new DebianCloudKernel(new KernelStore(dir.resolve("store")), debs).pull(DebianCloudKernel.DEFAULT_NAME, pullProgress);
        System.out.printf("kernel.pull debian-cloud took %d ms (download included)%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void removeEverything() throws IOException {
        if (dir != null) {
            FileTrees.deleteRecursively(dir);
        }
    }

    @Test
    void pullStoresABzImageAndAnInitramfsWithBusyboxInitAndTheVirtioModules() throws IOException {
        assertThat(pullProgress.stages()).containsExactly("resolve", "download", "extract", "initramfs", "store");
        assertThat(BzImage.isBzImage(pulled.vmlinuz())).isTrue();
        assertThat(BzImage.release(pulled.vmlinuz())).contains(pulled.record().version());
        assertThat(pulled.record().source()).startsWith("debian-cloud:linux-image-" + pulled.record().version() + "=");
        assertThat(pulled.record().initrdSha256()).isEqualTo(Sha256.of(pulled.initrd().orElseThrow()));
        assertThat(pulled.modules().orElseThrow().resolve("kernel")).isDirectory();
        assertThat(pulled.dir().resolve("kernel.json")).isRegularFile();

        InitramfsListing initramfs = InitramfsListing.read(pulled.initrd().orElseThrow());
        assertThat(initramfs.entries).containsKeys("init", "bin/busybox", "bin/sh", "bin/switch_root", "bin/insmod");
        assertThat(initramfs.entries.get("init").getMode() & 0777).isEqualTo(0755);
        assertThat(initramfs.texts.get("init")).contains("switch_root", "BANGER-INITRAMFS-OK");
        assertThat(initramfs.entries.get("dev/console").getMode() & CpioConstants.S_IFMT).isEqualTo(CpioConstants.C_ISCHR);
        List<String> modules = initramfs.texts.get("etc/banger/modules").lines().toList();
        List<String> names = modules.stream().map(ModuleDependencies::moduleName).toList();
        assertThat(names).contains("virtio_mmio", "virtio_blk", "virtio_net", "virtio_console", "virtio", "virtio_ring");
        assertThat(names.indexOf("virtio_ring")).isLessThan(names.indexOf("virtio_blk"));
        assertThat(names.indexOf("virtio")).isLessThan(names.indexOf("virtio_mmio"));
        assertThat(modules).allSatisfy(m -> assertThat(initramfs.entries).containsKey(m.substring(1)));
        System.out.println("initramfs loads: " + names + ", " + Files.size(pulled.initrd().orElseThrow()) / 1024 + " KiB");
        assertThat(debs.downloads).isEqualTo(2);
    }

    @Test
    void aCancelDuringExtractLeavesNeitherAKernelNorStaging() throws IOException {
        KernelStore store = new KernelStore(dir.resolve("cancel-store"));
        assertThatThrownBy(() -> new DebianCloudKernel(store, debs).pull("c", RecordingProgress.cancellingAtStage("extract")))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        try (Stream<Path> left = Files.list(store.root())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anExistingNameIsRefusedBeforeAnyDownload() {
        RecordingProgress progress = new RecordingProgress();
        KernelStore store = new KernelStore(pulled.dir().getParent());
        assertThatThrownBy(() -> new DebianCloudKernel(store, debs).pull(DebianCloudKernel.DEFAULT_NAME, progress))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(progress.stages()).isEmpty();
    }

    @Test
    void qemuBootsKernelAndInitramfsToTheInitramfsMarker() throws Exception {
        assumeTrue(QemuTcgBoot.available(), "qemu-system-x86_64 is not installed");
        QemuTcgBoot.Result boot = QemuTcgBoot.boot(pulled.vmlinuz(), pulled.initrd().orElseThrow(), Optional.empty(),
                "banger.initramfs_only=1", "BANGER-INITRAMFS-OK", BOOT_TIMEOUT, dir);
        System.out.printf("TCG boot to BANGER-INITRAMFS-OK: %d ms%n", boot.elapsed().toMillis());
        assertThat(boot.markerSeen()).as(boot.serial()).isTrue();
        assertThat(boot.poweredOff()).as("the guest powers off after its marker").isTrue();
    }

    @Test
    void qemuSwitchesRootIntoAnExt4DiskAndRunsItsInit() throws Exception {
        assumeTrue(QemuTcgBoot.available(), "qemu-system-x86_64 is not installed");
        assumeTrue(onPath("mkfs.ext4"), "mkfs.ext4 (e2fsprogs) is not installed");
        Path disk = rootDisk("#!/bin/busybox sh\n/bin/busybox echo BANGER-ROOTFS-OK\n/bin/busybox poweroff -f\n");
        QemuTcgBoot.Result boot = QemuTcgBoot.boot(pulled.vmlinuz(), pulled.initrd().orElseThrow(), Optional.of(disk),
                "root=/dev/vda", "BANGER-ROOTFS-OK", BOOT_TIMEOUT, dir);
        System.out.printf("TCG boot through switch_root to BANGER-ROOTFS-OK: %d ms%n", boot.elapsed().toMillis());
        assertThat(boot.markerSeen()).as(boot.serial()).isTrue();
        assertThat(boot.serial()).doesNotContain("BANGER-INITRAMFS-ERROR");
        assertThat(boot.poweredOff()).as("the root file system's init powers the guest off").isTrue();
    }

    @Test
    void aMissingRootDiskEndsWithAnErrorLineInsteadOfHanging() throws Exception {
        assumeTrue(QemuTcgBoot.available(), "qemu-system-x86_64 is not installed");
        QemuTcgBoot.Result boot = QemuTcgBoot.boot(pulled.vmlinuz(), pulled.initrd().orElseThrow(), Optional.empty(),
                "root=/dev/vda banger.rootwait=2", "BANGER-INITRAMFS-ERROR: root device /dev/vda did not appear", BOOT_TIMEOUT, dir);
        System.out.printf("TCG boot to the missing-root error: %d ms%n", boot.elapsed().toMillis());
        assertThat(boot.markerSeen()).as(boot.serial()).isTrue();
        assertThat(boot.poweredOff()).as("the guest powers off after its marker").isTrue();
    }

    /** A tiny ext4 image: static busybox at /bin/busybox and the given /sbin/init. */
    private Path rootDisk(String init) throws Exception {
        Path tree = Files.createDirectories(dir.resolve("rootfs-" + System.nanoTime()));
        Path busyboxPackage = Files.createDirectories(dir.resolve("busybox-" + System.nanoTime()));
        Path deb = debs.download(DebianCloudKernel.BUSYBOX_PACKAGE, busyboxPackage, null);
        DpkgDeb.extract(deb, busyboxPackage.resolve("root"), null);
        for (String d : List.of("bin", "sbin", "dev", "proc", "sys")) {
            Files.createDirectories(tree.resolve(d));
        }
        Files.copy(busyboxPackage.resolve("root/bin/busybox"), tree.resolve("bin/busybox"));
        Files.writeString(tree.resolve("sbin/init"), init);
        Files.setPosixFilePermissions(tree.resolve("sbin/init"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = dir.resolve("root-" + System.nanoTime() + ".ext4");
        HostCommand.of(List.of("mkfs.ext4", "-q", "-F", "-d", tree.toString(), disk.toString(), "16M"))
                .timeout(Duration.ofMinutes(1)).purpose("build the test root disk").run();
        return disk;
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
