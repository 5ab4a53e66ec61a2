package dev.banger.kernel.api.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A small file replaced whole or not at all: written to a temp file beside it with its final mode, then
 * renamed over it. Readers (ssh reading known_hosts or its config, systemd reading a unit) never see
 * half a file, and a crash mid-write leaves the old one. Shared by the vm plugin and the CLI.
 */
public final class AtomicWrite {
    private AtomicWrite() {
    }

    public static void replace(Path file, String text, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, mode);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
