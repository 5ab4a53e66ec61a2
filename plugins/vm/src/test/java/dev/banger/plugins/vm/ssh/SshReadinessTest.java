package dev.banger.plugins.vm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fake servers that speak only the first line of SSH; the real sshd is in SshAgainstRealSshdTest. */
class SshReadinessTest {
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread server;

    @AfterEach
    void stopServer() throws InterruptedException {
        stop.set(true);
        if (server != null) {
            server.join(5000);
        }
    }

    @Test
    void waitsForAPortThatStartsListeningLate() {
        int port = FreePort.find();
        serveLater(port, 700, "SSH-2.0-OpenSSH_test\r\n");
        long t0 = System.nanoTime();
        String banner = SshReadiness.awaitBanner("late", SshTarget.root("127.0.0.1", port), Duration.ofSeconds(10), () -> false);
        assertThat(banner).isEqualTo("SSH-2.0-OpenSSH_test");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void acceptingAndClosingIsNotReadyButLinesBeforeTheBannerAreAllowed() {
        // QEMU's user networking accepts on the forwarded port before the guest listens, then closes
        int port = FreePort.find();
        serveLater(port, 0, "", "", "", "hello from a chatty server\r\nSSH-2.0-finally\r\n");
        String banner = SshReadiness.awaitBanner("chatty", SshTarget.root("127.0.0.1", port), Duration.ofSeconds(10), () -> false);
        assertThat(banner).isEqualTo("SSH-2.0-finally");
    }

    @Test
    void aDeadPortTimesOutNamingTheLogsCommand() {
        int port = FreePort.find();
        assertThatThrownBy(() -> SshReadiness.awaitBanner("dead", SshTarget.root("127.0.0.1", port), Duration.ofMillis(800), () -> false))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("VM dead").hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("Connection refused").hasMessageContaining("banger vm logs dead");
    }

    @Test
    void cancellationStopsTheWait() {
        int port = FreePort.find();
        assertThatThrownBy(() -> SshReadiness.awaitBanner("c", SshTarget.root("127.0.0.1", port), Duration.ofSeconds(30), () -> true))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    }

    /** Starts listening after {@code delayMs}; answers successive connections with the given greetings (then the last one). */
    private void serveLater(int port, long delayMs, String... greetings) {
        server = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
                try (ServerSocket ss = new ServerSocket(port, 10, InetAddress.getLoopbackAddress())) {
                    ss.setSoTimeout(100);
                    int n = 0;
                    while (!stop.get()) {
                        try (Socket s = ss.accept()) {
                            s.getOutputStream().write(greetings[Math.min(n++, greetings.length - 1)].getBytes(StandardCharsets.US_ASCII));
                        } catch (java.net.SocketTimeoutException idle) {
                            // poll the stop flag
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "fake-sshd");
        server.start();
    }
}
