package dev.banger.cli.system;

import dev.banger.kernel.api.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small config files are written whole or not at all: a crash mid-write never leaves half a unit. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path file, String text) throws IOException {
        AtomicWrite.replace(file, text, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** True when {@code file} already holds exactly {@code text}: re-running install changes nothing. */
    static boolean same(Path file, String text) throws IOException {
        return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text);
    }
}
