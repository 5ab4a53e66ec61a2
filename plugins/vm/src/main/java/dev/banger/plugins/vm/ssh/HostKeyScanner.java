package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.time.Duration;
import java.util.List;

/** Asks a running sshd for its ed25519 host key with ssh-keyscan (the trust-on-first-use step). */
final class HostKeyScanner {
    private HostKeyScanner() {
    }

    /** The key as {@code ssh-ed25519 AAAA…}. */
    static String scanEd25519(SshTarget target) {
        HostCommand.Result run = HostCommand.of(List.of("ssh-keyscan", "-T", "5", "-p", Integer.toString(target.port()),
                "-t", "ed25519", target.host())).timeout(Duration.ofSeconds(15)).runAllowingFailure();
        for (String line : run.stdout().split("\n")) {
            String[] f = line.strip().split("\\s+");
            // output lines are "ADDRESS TYPE BASE64"; '#' lines carry the server's banner
            if (f.length >= 3 && !f[0].startsWith("#") && f[1].equals("ssh-ed25519")) {
                return f[1] + " " + f[2];
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED, "sshd at " + target + " offered no ed25519 host key"
                + (run.stderr().isBlank() ? "" : " (ssh-keyscan: " + run.stderr().strip() + ")"));
    }
}
