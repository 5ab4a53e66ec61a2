package dev.banger.plugins.image.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * depmod's {@code modules.dep}: one line per module, {@code path: dependency-path ...}. Packages carry
 * none (the kernel package's postinst runs depmod), so {@link ModinfoDependencies} is the fallback.
 */
final class ModulesDep implements ModuleDependencies {
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, List<String>> dependencies = new HashMap<>();

    static ModulesDep parse(String text) {
        ModulesDep dep = new ModulesDep();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String path = line.substring(0, colon).strip();
            String name = ModuleDependencies.moduleName(path);
            String rest = line.substring(colon + 1).strip();
            dep.paths.put(name, path);
            dep.dependencies.put(name, rest.isEmpty() ? List.of()
                    : List.of(rest.split("\\s+")).stream().map(ModuleDependencies::moduleName).toList());
        }
        return dep;
    }

    @Override
    public Optional<String> path(String moduleName) {
        return Optional.ofNullable(paths.get(moduleName));
    }

    @Override
    public List<String> dependsOn(String moduleName) {
        return dependencies.getOrDefault(moduleName, List.of());
    }
}
