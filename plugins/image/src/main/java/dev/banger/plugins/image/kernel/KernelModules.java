package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One kernel's {@code lib/modules/<version>} tree: which files to load, in which order. */
final class KernelModules {
    private final ModuleFiles files;
    private final ModuleLoadOrder order;

    private KernelModules(ModuleFiles files, ModuleLoadOrder order) {
        this.files = files;
        this.order = order;
    }

    /** @param scratch where compressed modules are uncompressed to */
    static KernelModules open(Path modulesRoot, Path scratch) throws IOException {
        ModuleFiles files = new ModuleFiles(modulesRoot, scratch);
        Path modulesDep = modulesRoot.resolve("modules.dep");
        ModuleDependencies dependencies = Files.isRegularFile(modulesDep)
                ? ModulesDep.parse(Files.readString(modulesDep))
                : new ModinfoDependencies(files);
        return new KernelModules(files, new ModuleLoadOrder(dependencies, builtin(modulesRoot)));
    }

    /** Paths relative to the tree, dependencies first, built-in modules left out. */
    List<String> loadOrder(List<String> wanted) {
        return order.resolve(wanted);
    }

    ModuleFiles files() {
        return files;
    }

    private static Set<String> builtin(Path modulesRoot) throws IOException {
        Path list = modulesRoot.resolve("modules.builtin");
        if (!Files.isRegularFile(list)) {
            return Set.of();
        }
        return Files.readAllLines(list).stream().filter(l -> !l.isBlank())
                .map(ModuleDependencies::moduleName).collect(Collectors.toSet());
    }
}
