package dev.banger.plugins.image.files;

import dev.banger.kernel.api.files.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A directory of named entries that are never written in place: new entries are assembled in
 * {@code <root>/.staging-<random>} and appear under their name by one atomic rename; deleted entries
 * disappear by one rename before their files go. A crash or cancel can only leave {@code .staging-*}
 * directories, which {@link #cleanup()} removes at plugin start. Kernels and images both live in one.
 */
public final class StagingArea {
    public static final String STAGING_PREFIX = ".staging-";
    private final Path root;

    public StagingArea(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path entry(String name) {
        return root.resolve(name);
    }

    /** A fresh, empty staging directory on the same file system as the entries. */
    public Path newStaging() throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
    }

    /**
     * Makes {@code staged} visible as {@code name}. Returns false (and publishes nothing) when the
     * name exists and {@code replace} is false, including when another publisher won the race.
     */
    public synchronized boolean publish(Path staged, String name, boolean replace) throws IOException {
        Path target = entry(name);
        if (Files.exists(target)) {
            if (!replace) {
                return false;
            }
            remove(name);
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (FileSystemException e) {
            if (Files.exists(target)) {
                return false; // a non-empty directory already took the name
            }
            throw e;
        }
    }

    /** Removes an entry: renamed aside first, so it vanishes at once; false when it does not exist. */
    public boolean remove(String name) throws IOException {
        Path target = entry(name);
        if (!Files.isDirectory(target)) {
            return false;
        }
        Path aside = newStagingPath();
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(aside);
        return true;
    }

    /** Removes what interrupted work left behind; returns how many staging directories went. */
    public int cleanup() throws IOException {
        int removed = 0;
        for (Path dir : children()) {
            if (dir.getFileName().toString().startsWith(STAGING_PREFIX)) {
                FileTrees.deleteRecursively(dir);
                removed++;
            }
        }
        return removed;
    }

    /** Published entries (staging directories and dot-files excluded). */
    public List<Path> entries() {
        return children().stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }

    private List<Path> children() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            entries.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Path newStagingPath() {
        return root.resolve(STAGING_PREFIX + UUID.randomUUID());
    }
}
