package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.plugins.vm.net.NetnsEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The readiness probe for guests that live in another network namespace, where no socket of the
 * daemon's can reach: {@code ssh-keyscan} run through nsenter. An ed25519 key in its output means sshd
 * answered with its banner and got as far as the key exchange.
 */
final class KeyscanInNetns implements SshReadiness.BannerSource {
    private final NetnsEntry netns;

    KeyscanInNetns(NetnsEntry netns) {
        this.netns = netns;
    }

    @Override
    public String read(SshTarget target) throws IOException {
        HostCommand.Result r = HostCommand.of(netns.wrap(List.of("ssh-keyscan", "-T", "2", "-p", Integer.toString(target.port()),
                "-t", "ed25519", target.host()))).timeout(Duration.ofSeconds(10)).runAllowingFailure();
        for (String line : r.stdout().split("\n")) {
            if (line.contains(" ssh-ed25519 ")) {
                return line.strip();
            }
        }
        throw new IOException("no ssh answer from " + target + " in netns " + netns.name()
                + (r.stderr().isBlank() ? "" : " (" + r.stderr().strip() + ")"));
    }
}
