package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Dependencies read straight from each module's {@code .modinfo} (what depmod would do), for trees
 * that come without modules.dep. Only the modules actually asked about are opened.
 */
final class ModinfoDependencies implements ModuleDependencies {
    private final ModuleFiles files;
    private final Map<String, String> paths = new HashMap<>();

    ModinfoDependencies(ModuleFiles files) throws IOException {
        this.files = files;
        try (Stream<Path> walk = Files.walk(files.root())) {
            walk.filter(Files::isRegularFile)
                    .map(p -> files.root().relativize(p).toString())
                    .filter(p -> ModuleFiles.plainName(p).endsWith(".ko"))
                    .forEach(p -> paths.putIfAbsent(ModuleDependencies.moduleName(p), p));
        }
    }

    @Override
    public Optional<String> path(String moduleName) {
        return Optional.ofNullable(paths.get(moduleName));
    }

    @Override
    public List<String> dependsOn(String moduleName) {
        String path = paths.get(moduleName);
        if (path == null) {
            return List.of();
        }
        try {
            return ElfModinfo.dependsOn(files.plain(path)).stream().map(d -> d.replace('-', '_')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dependencies of " + path, e);
        }
    }
}
