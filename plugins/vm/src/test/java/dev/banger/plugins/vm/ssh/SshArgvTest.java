package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshArgvTest {
    private final SshArgv argv = new SshArgv(Path.of("/s/id_ed25519"), Path.of("/s/known_hosts"));
    private static final List<String> TRUST = List.of("-i", "/s/id_ed25519", "-o", "IdentitiesOnly=yes",
            "-o", "UserKnownHostsFile=/s/known_hosts", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes", "-o", "UpdateHostKeys=no", "-o", "HostKeyAlgorithms=ssh-ed25519",
            "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3",
            "-o", "LogLevel=ERROR");

    @Test
    void batchIgnoresUserConfigNeverPromptsAndQuotesTheCommandIntoOneArgument() {
        List<String> a = argv.batch(SshTarget.root("127.0.0.1", 2222), List.of("echo", "a b"), Path.of("/t/log"));
        assertThat(a).startsWith("ssh", "-F", "none");
        assertThat(a.subList(3, 3 + TRUST.size())).isEqualTo(TRUST);
        assertThat(a.subList(3 + TRUST.size(), a.size())).containsExactly("-o", "BatchMode=yes", "-T", "-E", "/t/log",
                "-p", "2222", "root@127.0.0.1", "--", "'echo' 'a b'");
    }

    @Test
    void interactiveGetsATtyAndOpensALoginShellWithoutACommand() {
        List<String> a = argv.interactive(SshTarget.root("10.0.0.5", 22), List.of());
        assertThat(a).doesNotContain("BatchMode=yes", "-F");
        assertThat(a.subList(1, 1 + TRUST.size())).isEqualTo(TRUST);
        assertThat(a.subList(1 + TRUST.size(), a.size())).containsExactly("-t", "-p", "22", "root@10.0.0.5");
    }

    @Test
    void targetsAreValidatedBecauseTheyLandInArgvAndKnownHosts() {
        assertThat(SshTarget.root("127.0.0.1", 2222).knownHostsAddress()).isEqualTo("[127.0.0.1]:2222");
        assertThat(SshTarget.root("10.0.0.5", 22).knownHostsAddress()).isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> SshTarget.root("-oProxyCommand=x", 22)).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> SshTarget.root("host name", 22)).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> SshTarget.root("127.0.0.1", 0)).isInstanceOf(RpcException.class);
        assertThatThrownBy(() -> new SshTarget("127.0.0.1", 22, "-l")).isInstanceOf(RpcException.class);
    }
}
