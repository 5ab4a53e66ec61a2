package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.process.HostCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Generates an unencrypted ed25519 key pair ({@code KEY} and {@code KEY.pub}) with ssh-keygen. Used for the
 * install's client key and for the host keys banger gives its guests.
 */
public final class Ed25519KeyGen {
    private Ed25519KeyGen() {
    }

    /**
     * Writes {@code privateKey} (0600) and {@code privateKey.pub}. The pair is generated under a temporary name
     * and renamed into place, public half first, so an existing private key always has its public key beside it.
     * Overwrites nothing: callers decide (under a lock) whether a key is needed.
     */
    public static void generate(Path privateKey, String comment) {
        Path dir = privateKey.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + privateKey.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        Path tmpPub = Path.of(tmp + ".pub");
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmpPub);
            HostCommand.of(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", tmp.toString()))
                    .timeout(Duration.ofSeconds(30)).run();
            // ssh refuses a private key that others can read
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmpPub, Path.of(privateKey + ".pub"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, privateKey, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install ssh key " + privateKey, e);
        }
    }

    /** The public key line ({@code ssh-ed25519 AAAA… comment}) of a generated pair. */
    public static String publicKeyLine(Path privateKey) {
        try {
            return Files.readString(Path.of(privateKey + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKey + ".pub", e);
        }
    }
}
