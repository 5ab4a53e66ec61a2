package dev.banger.plugins.vm.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The install's one ssh client key: {@code <dir>/id_ed25519}, generated on first use, put into every guest. */
public final class SshIdentity {
    private final Path privateKey;
    private final String publicKeyLine;

    private SshIdentity(Path privateKey, String publicKeyLine) {
        this.privateKey = privateKey;
        this.publicKeyLine = publicKeyLine;
    }

    /**
     * Returns the key in {@code dir}, generating it if it is missing. Safe to call from many threads and
     * processes at once: they all end up with the same key.
     */
    public static SshIdentity ensure(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path key = abs.resolve("id_ed25519");
        createPrivateDir(abs);
        return FileMutex.with(abs.resolve("id_ed25519.lock"), () -> {
            if (!Files.exists(key) || !Files.exists(Path.of(key + ".pub"))) {
                Ed25519KeyGen.generate(key, "banger");
            }
            return new SshIdentity(key, Ed25519KeyGen.publicKeyLine(key));
        });
    }

    public Path privateKey() {
        return privateKey;
    }

    /** {@code ssh-ed25519 AAAA… banger}: the line for the guest's {@code /root/.ssh/authorized_keys}. */
    public String publicKeyLine() {
        return publicKeyLine;
    }

    private static void createPrivateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create ssh key directory " + dir, e);
        }
    }
}
