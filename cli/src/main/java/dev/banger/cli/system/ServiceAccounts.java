package dev.banger.cli.system;

import dev.banger.kernel.core.config.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Who we are, and handing directories to the owner. */
final class ServiceAccounts {
    private ServiceAccounts() {
    }

    static long currentUid() {
        return Layout.currentUid();
    }

    static boolean isRoot() {
        return currentUid() == 0;
    }

    /** Creates {@code dir} owned by the owner; as non-root (an install under --root) ownership stays ours. */
    static void ownedDirectory(Path dir, InstallRecord owner) throws IOException {
        Files.createDirectories(dir);
        if (isRoot()) {
            Files.setAttribute(dir, "unix:gid", (int) owner.gid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:uid", (int) owner.uid(), LinkOption.NOFOLLOW_LINKS);
        }
    }
}
