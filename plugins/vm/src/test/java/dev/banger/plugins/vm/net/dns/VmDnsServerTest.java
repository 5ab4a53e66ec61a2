package dev.banger.plugins.vm.net.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener on a real UDP socket on 127.0.0.1. */
class VmDnsServerTest {
    @TempDir
    Path dir;

    @Test
    void answersOnLoopbackWritesItsPortAndIgnoresGarbage() throws Exception {
        Path portFile = dir.resolve("run/dns.port");
        try (VmDnsServer server = VmDnsServer.start(0, new VmZone(n -> n.equals("dev") ? Optional.of("172.30.0.9") : Optional.empty()), portFile);
             DatagramSocket client = new DatagramSocket()) {
            assertThat(Files.readString(portFile).strip()).isEqualTo(Integer.toString(server.port()));
            client.setSoTimeout(2000);
            InetAddress lo = InetAddress.getLoopbackAddress();

            byte[] junk = {1, 2, 3};
            client.send(new DatagramPacket(junk, junk.length, lo, server.port()));
            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.receive(new DatagramPacket(new byte[512], 512))).isInstanceOf(SocketTimeoutException.class);

            client.setSoTimeout(2000);
            byte[] q = DnsCodecTest.query(42, "dev.vm", 1);
            client.send(new DatagramPacket(q, q.length, lo, server.port()));
            DatagramPacket in = new DatagramPacket(new byte[512], 512);
            client.receive(in);
            byte[] r = Arrays.copyOf(in.getData(), in.getLength());
            assertThat(r[1]).isEqualTo((byte) 42);
            assertThat(Arrays.copyOfRange(r, r.length - 4, r.length)).containsExactly(172, 30, 0, 9);
        }
        assertThat(portFile).doesNotExist();
    }
}
