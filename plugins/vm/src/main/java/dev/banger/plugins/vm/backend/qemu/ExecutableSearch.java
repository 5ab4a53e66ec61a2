package dev.banger.plugins.vm.backend.qemu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell would, on a PATH-style list, without running a shell. */
public record ExecutableSearch(String searchPath) {
    public static ExecutableSearch ofThisProcess() {
        String path = System.getenv("PATH");
        return new ExecutableSearch(path == null ? "" : path);
    }

    /** The first executable regular file named {@code name} on the search path. */
    public Optional<Path> find(String name) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
