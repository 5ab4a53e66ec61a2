package dev.banger.helper.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the programs the helper runs in fixed system directories only, never through the
 * inherited PATH, so a root process cannot be tricked into running someone's ./ip.
 */
public final class Binaries {
    private static final List<Path> DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));

    private Binaries() {
    }

    public static Optional<String> find(String name) {
        for (Path dir : DIRS) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** The program's absolute path; if it is missing, just its name, so the error names what to install. */
    public static String path(String name) {
        return find(name).orElse(name);
    }
}
