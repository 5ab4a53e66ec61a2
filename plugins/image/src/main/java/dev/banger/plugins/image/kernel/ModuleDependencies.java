package dev.banger.plugins.image.kernel;

import java.util.List;
import java.util.Optional;

/** Where a kernel module lives and what it needs loaded first; names use '_' (the kernel's spelling). */
interface ModuleDependencies {
    /** The module's path relative to {@code lib/modules/<version>}, as shipped (maybe compressed). */
    Optional<String> path(String moduleName);

    /** Names of the modules that must be loaded before this one. */
    List<String> dependsOn(String moduleName);

    /** "virtio-rng.ko.xz" and "kernel/x/virtio_rng.ko" are both module "virtio_rng". */
    static String moduleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int ko = file.indexOf(".ko");
        return (ko < 0 ? file : file.substring(0, ko)).replace('-', '_');
    }
}
