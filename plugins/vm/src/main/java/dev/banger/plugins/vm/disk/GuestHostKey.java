package dev.banger.plugins.vm.disk;

import dev.banger.kernel.api.process.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh ssh host key for one VM, made on the host: banger knows the guest's key before it ever
 * connects, so known_hosts is pre-seeded and there is no trust-on-first-use window.
 */
public final class GuestHostKey {
    private GuestHostKey() {
    }

    /** Writes ssh_host_ed25519_key(.pub) into {@code dir}; returns the public key line. */
    public static String generate(Path dir, String vmName) throws IOException {
        Path key = dir.resolve("ssh_host_ed25519_key");
        HostCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "banger-" + vmName, "-f", key.toString()).run();
        return Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).strip();
    }
}
