package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.api.SshInfo;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** How the vm plugin reaches a guest over ssh: banger's own key and known_hosts, never the user's. */
public interface GuestAccess {
    /** The line written into the guest's /root/.ssh/authorized_keys. */
    String publicKey();

    /** Records the guest's host key (banger generated it) so the first connection is already verified. */
    void trust(String vm, String host, int port, String hostKeyLine);

    /** Drops every known_hosts entry of that VM (vm.delete). */
    void forget(String vm);

    /** Waits until sshd answers on host:port; the timeout message names `banger vm logs NAME`. */
    void awaitSsh(String vm, String host, int port, Duration timeout, BooleanSupplier cancelled);

    /** Runs argv as root, streaming (stream, text) chunks; returns the remote exit code. */
    int exec(String vm, String host, int port, List<String> argv, BiConsumer<String, String> output, BooleanSupplier cancelled, Duration timeout);

    /**
     * Runs argv as root with stdin read from the file {@code stdin} (null: none) and stdout kept as raw bytes in
     * {@code stdout} (binary-safe: no text decoding); stderr is appended to {@code stderr} as text.
     */
    int pipe(String vm, String host, int port, List<String> argv, Path stdin, OutputStream stdout, StringBuilder stderr,
             BooleanSupplier cancelled, Duration timeout);

    SshInfo info(String vm, String host, int port);
}
