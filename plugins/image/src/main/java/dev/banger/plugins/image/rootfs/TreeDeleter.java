package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a file or a whole tree without following symlinks (a staging tree is full of hostile ones). */
public final class TreeDeleter {
    private TreeDeleter() {
    }

    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** For cleanup paths: never lets a cleanup failure hide the error that caused it. */
    public static void deleteQuietly(Path path) {
        try {
            delete(path);
        } catch (IOException | RuntimeException e) {
            // leftovers are swept by RootfsBuilder.cleanupLeftovers at the next start
        }
    }
}
