package dev.banger.kernel.core.server;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who may talk to bangerd: the uid it runs as, and root. The socket's 0600 mode already keeps
 * others out; this is the second layer, for a process that got past the file mode (for example
 * with CAP_DAC_OVERRIDE) or a socket whose mode someone loosened. The uid is the kernel's
 * (SO_PEERCRED), not anything the client says.
 */
public record PeerUidPolicy(long daemonUid) {
    /** The policy for this process: its own real uid. */
    public static PeerUidPolicy forThisProcess() {
        try {
            return new PeerUidPolicy(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read this process's uid from /proc/self", e);
        }
    }

    /** Empty when {@code peerUid} may call; otherwise the unauthorized error it gets. */
    public Optional<RpcException> refusal(long peerUid) {
        if (peerUid == 0 || peerUid == daemonUid) {
            return Optional.empty();
        }
        return Optional.of(new RpcException(ErrorCode.UNAUTHORIZED, "uid " + peerUid + " may not use this bangerd (only root and uid "
                + daemonUid + ", which the daemon runs as); the connection is closed"));
    }
}
