package dev.banger.cli.update;

import dev.banger.cli.system.InstallPaths;
import dev.banger.cli.system.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Two renames on one filesystem: live → .previous, staged → live. Between them (microseconds) the
 * live path is missing; nothing is ever half-copied. Running processes keep their open jars across
 * a rename, so the swap itself never disturbs them.
 */
final class TreeSwap {
    private final InstallPaths paths;

    TreeSwap(InstallPaths paths) {
        this.paths = paths;
    }

    void swapIn(Path staged) throws IOException {
        TreeCopy.delete(paths.previousTree());
        Files.move(paths.tree(), paths.previousTree(), StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staged, paths.tree(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(paths.previousTree(), paths.tree(), StandardCopyOption.ATOMIC_MOVE); // never leave no live tree
            throw e;
        }
    }

    /** Puts .previous back as the live tree; the failed one is deleted. */
    void rollBack() throws IOException {
        Path failed = paths.root().resolve("opt/.banger.failed");
        TreeCopy.delete(failed);
        Files.move(paths.tree(), failed, StandardCopyOption.ATOMIC_MOVE);
        Files.move(paths.previousTree(), paths.tree(), StandardCopyOption.ATOMIC_MOVE);
        TreeCopy.delete(failed);
    }
}
