package dev.banger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway HOME and XDG_RUNTIME_DIR, so a benchmark never touches the user's real banger state
 * or socket, and leaves nothing behind.
 */
final class Sandbox implements AutoCloseable {
    private final Path root;

    private Sandbox(Path root) {
        this.root = root;
    }

    static Sandbox create(String prefix) throws IOException {
        Path root = Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("run"));
        return new Sandbox(root);
    }

    Path home() {
        return root.resolve("home");
    }

    Path runtimeDir() {
        return root.resolve("run");
    }

    Path file(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}
