package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.files.FileTrees;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** kernel.import: copies a user's kernel (and initrd, modules) into the store; the user's files stay untouched. */
public final class KernelImporter {
    private final KernelStore store;

    public KernelImporter(KernelStore store) {
        this.store = store;
    }

    public StoredKernel importKernel(String name, Path kernel, Optional<Path> initrd, Optional<Path> modulesDir,
                                     boolean force) {
        KernelName.validate(name);
        BzImage.require(kernel, "params.kernel");
        initrd.ifPresent(KernelImporter::requireReadableFile);
        modulesDir.ifPresent(KernelImporter::requireDirectory);
        if (!force && store.exists(name)) {
            throw KernelStore.alreadyExists(name); // before copying: publish would refuse anyway
        }
        try (KernelStaging staging = store.newStaging()) {
            Path content = staging.content();
            Files.copy(kernel, content.resolve(StoredKernel.VMLINUZ));
            if (initrd.isPresent()) {
                Files.copy(initrd.get(), content.resolve(StoredKernel.INITRD));
            }
            if (modulesDir.isPresent()) {
                FileTrees.copyTree(modulesDir.get(), content.resolve(StoredKernel.MODULES));
            }
            String version = BzImage.release(kernel).orElse("unknown");
            return staging.commit(name, version, "import:" + kernel.toAbsolutePath(), force);
        } catch (IOException e) {
            throw KernelStore.failed("Tried to import " + kernel + " as kernel '" + name + "' but copying failed", e);
        }
    }

    private static void requireReadableFile(Path initrd) {
        if (!Files.isRegularFile(initrd) || !Files.isReadable(initrd)) {
            throw RpcException.badRequest("params.initrd: " + initrd + " is not a readable file");
        }
    }

    private static void requireDirectory(Path modules) {
        if (!Files.isDirectory(modules) || !Files.isReadable(modules)) {
            throw RpcException.badRequest("params.modules: " + modules
                    + " is not a readable directory (pass the lib/modules/<version> directory)");
        }
    }
}
