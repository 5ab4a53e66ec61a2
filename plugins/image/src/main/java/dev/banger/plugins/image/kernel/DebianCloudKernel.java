package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * kernel.pull debian-cloud: the current Debian cloud kernel, downloaded and unpacked but never
 * installed (installing it would upgrade the host's systemd), plus an initramfs that loads its
 * virtio modules. Everything happens in a store staging directory; a failure or a cancel removes it.
 * Stages: resolve, download, extract, initramfs, store.
 */
public final class DebianCloudKernel {
    public static final String DEFAULT_NAME = "debian-cloud";
    static final String BUSYBOX_PACKAGE = "busybox-static";

    private final KernelStore store;
    private final DebSource debs;

    public DebianCloudKernel(KernelStore store) {
        this(store, new AptGetDownload());
    }

    public DebianCloudKernel(KernelStore store, DebSource debs) {
        this.store = store;
        this.debs = debs;
    }

    public StoredKernel pull(String name, OperationProgress progress) {
        return pull(name, false, progress);
    }

    public StoredKernel pull(String name, boolean force, OperationProgress progress) {
        KernelName.validate(name);
        if (!force && store.exists(name)) {
            throw KernelStore.alreadyExists(name);
        }
        try (KernelStaging staging = store.newStaging()) {
            return pullInto(staging, name, force, progress);
        } catch (IOException | UncheckedIOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull the Debian cloud kernel as '" + name
                    + "' but a file operation failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to build an initramfs for the Debian cloud kernel but "
                    + e.getMessage(), e);
        }
    }

    private StoredKernel pullInto(KernelStaging staging, String name, boolean force, OperationProgress progress)
            throws IOException {
        step(progress, "resolve", 0.0);
        String kernelPackage = CloudKernelPackage.resolve(progress);

        step(progress, "download", 0.1);
        Path downloads = Files.createDirectories(staging.work().resolve("debs"));
        Path kernelDeb = debs.download(kernelPackage, downloads, progress);
        progress.checkCancelled();
        Path busyboxDeb = debs.download(BUSYBOX_PACKAGE, downloads, progress);

        step(progress, "extract", 0.5);
        Path kernelRoot = staging.work().resolve("kernel-root");
        Path busyboxRoot = staging.work().resolve("busybox-root");
        DpkgDeb.extract(kernelDeb, kernelRoot, progress);
        DpkgDeb.extract(busyboxDeb, busyboxRoot, progress);
        Path vmlinuz = single(kernelRoot.resolve("boot"), "vmlinuz-*", kernelPackage);
        String release = vmlinuz.getFileName().toString().substring("vmlinuz-".length());
        Path modules = modulesTree(kernelRoot, release, kernelPackage);

        step(progress, "initramfs", 0.7);
        Path content = staging.content();
        new InitramfsBuilder(busyboxRoot.resolve("bin/busybox"), modules, release)
                .build(InitramfsBuilder.VIRTIO_MODULES, staging.work().resolve("modules-plain"),
                        content.resolve(StoredKernel.INITRD));

        step(progress, "store", 0.9);
        Files.move(vmlinuz, content.resolve(StoredKernel.VMLINUZ));
        Files.move(modules, content.resolve(StoredKernel.MODULES));
        String source = "debian-cloud:" + kernelPackage + "=" + DpkgDeb.field(kernelDeb, "Version");
        StoredKernel stored = staging.commit(name, release, source, force);
        progress.progress(1.0);
        return stored;
    }

    private static void step(OperationProgress progress, String stage, double fraction) {
        progress.checkCancelled();
        progress.stage(stage);
        progress.progress(fraction);
    }

    /** lib/modules/&lt;release&gt;, or usr/lib/modules/&lt;release&gt; in merged-/usr packages. */
    private static Path modulesTree(Path kernelRoot, String release, String kernelPackage) {
        for (String prefix : List.of("lib/modules/", "usr/lib/modules/")) {
            Path tree = kernelRoot.resolve(prefix + release);
            if (Files.isDirectory(tree)) {
                return tree;
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED, kernelPackage + " has no lib/modules/" + release
                + " directory; it does not look like a Debian kernel image package");
    }

    private static Path single(Path dir, String glob, String kernelPackage) throws IOException {
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob)) {
                for (Path match : matches) {
                    return match;
                }
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED, kernelPackage + " contains no boot/" + glob
                + "; it does not look like a Debian kernel image package");
    }
}
