package dev.banger.plugins.vm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.api.GuestPort;
import org.junit.jupiter.api.Test;

/** Lines as iproute2 6.1 (Debian bookworm, the default image) prints them for `ss -H -ltnup`. */
class SsListenersTest {
    @Test
    void tcpAndUdpSocketsWithTheirProgram() {
        String out = """
                udp   UNCONN 0      0          127.0.0.53%lo:53        0.0.0.0:*    users:(("systemd-resolve",pid=210,fd=13))
                tcp   LISTEN 0      128              0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=301,fd=3))
                tcp   LISTEN 0      128                 [::]:22           [::]:*    users:(("sshd",pid=301,fd=4))
                """;
        assertThat(SsListeners.parse(out)).containsExactly(
                new GuestPort("udp", "127.0.0.53%lo", 53, "systemd-resolve"),
                new GuestPort("tcp", "0.0.0.0", 22, "sshd"),
                new GuestPort("tcp", "::", 22, "sshd"));
    }

    @Test
    void aWildcardAddressAndAMappedIpv6Address() {
        assertThat(SsListeners.parse("tcp LISTEN 0 4096 *:8080 *:* users:((\"java\",pid=9,fd=7))\n"
                + "tcp LISTEN 0 5 [::ffff:127.0.0.1]:9000 *:*\n")).containsExactly(
                new GuestPort("tcp", "*", 8080, "java"),
                new GuestPort("tcp", "::ffff:127.0.0.1", 9000, null));
    }

    @Test
    void aSocketSharedByForkedProcessesNamesEachProgramOnce() {
        String line = "tcp LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:((\"nginx\",pid=12,fd=6),(\"nginx\",pid=11,fd=6),(\"helper\",pid=13,fd=6))";
        assertThat(SsListeners.parse(line)).containsExactly(new GuestPort("tcp", "0.0.0.0", 80, "nginx,helper"));
    }

    @Test
    void blankAndUnparsableLinesAreSkipped() {
        assertThat(SsListeners.parse("")).isEmpty();
        assertThat(SsListeners.parse("\n  \nState Recv-Q Send-Q Local Address:Port\ntcp LISTEN 0 1 nonsense 0.0.0.0:*\n")).isEmpty();
    }
}
