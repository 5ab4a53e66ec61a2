package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** Turns what ssh itself reported (exit 255 with a diagnostic) into the error the user sees. */
final class SshFailure {
    private SshFailure() {
    }

    static RpcException from(String vmName, SshTarget target, KnownHosts knownHosts, String sshDiagnostics) {
        String said = sshDiagnostics.strip();
        // checked first: ssh also says "Host key verification failed" when it has no key at all
        if (said.contains("host key is known for") && said.contains("requested strict checking")
                && !said.contains("HAS CHANGED")) {
            return new RpcException(ErrorCode.OPERATION_FAILED, "banger has no host key recorded for VM " + vmName
                    + " at " + target + " (known_hosts: " + knownHosts.file() + ")");
        }
        if (said.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") || said.contains("Host key verification failed")) {
            return knownHosts.hostKeyChanged(vmName);
        }
        return new RpcException(ErrorCode.OPERATION_FAILED, "ssh to VM " + vmName + " at " + target + " failed: "
                + lastLines(said, 5));
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join(" / ", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
    }
}
