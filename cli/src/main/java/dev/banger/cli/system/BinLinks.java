package dev.banger.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** usr/local/bin/{banger,bangerd,bangerd-root} → the tree's bin/. Never overwrites a file that is not a link. */
final class BinLinks {
    static final List<String> NAMES = List.of("banger", "bangerd", "bangerd-root");

    private BinLinks() {
    }

    static void link(InstallPaths paths) throws IOException {
        Files.createDirectories(paths.binDir());
        for (String name : NAMES) {
            Path link = paths.binDir().resolve(name);
            Path target = paths.tree().resolve("bin").resolve(name);
            if (Files.isSymbolicLink(link)) {
                if (Files.readSymbolicLink(link).equals(target)) {
                    continue;
                }
                Files.delete(link);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(link + " exists and is not a link banger made; move it away and rerun");
            }
            Files.createSymbolicLink(link, target);
        }
    }

    /** Removes only links that point into this install's tree. */
    static void unlink(InstallPaths paths) throws IOException {
        for (String name : NAMES) {
            Path link = paths.binDir().resolve(name);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).startsWith(paths.tree())) {
                Files.delete(link);
            }
        }
    }
}
