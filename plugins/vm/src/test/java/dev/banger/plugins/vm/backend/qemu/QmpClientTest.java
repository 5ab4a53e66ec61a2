package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QMP against a real {@code qemu-system-x86_64 -M none}: no guest, so it is cheap, but every answer is QEMU's own. */
class QmpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Process qemu;
    private Path qmpSocket;

    @BeforeEach
    void startQemu() throws Exception {
        Path binary = InstalledQemu.require();
        qmpSocket = dir.resolve("qmp.sock");
        qemu = new ProcessBuilder(InstalledQemu.emptyMachine(binary, qmpSocket, dir.resolve("qemu.pid")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!QemuLauncher.acceptsConnections(qmpSocket) && qemu.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(qmpSocket).as("QMP socket; qemu.log: %s", QemuLauncher.tail(dir.resolve("qemu.log"))).exists();
    }

    @AfterEach
    void stopQemu() {
        if (qemu != null) {
            InstalledQemu.killIfAlive(qemu.pid());
        }
    }

    @Test
    void negotiatesCapabilitiesAndQueriesTheRunState() throws IOException {
        try (QmpClient qmp = QmpClient.connect(qmpSocket, TIMEOUT)) {
            assertThat(qmp.queryStatus()).isEqualTo("running");
            qmp.execute("stop");
            assertThat(qmp.queryStatus()).isEqualTo("paused");
            qmp.execute("cont");
            assertThat(qmp.queryStatus()).isEqualTo("running");
        }
    }

    @Test
    void sessionsComeOneAfterAnother() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (QmpClient qmp = QmpClient.connect(qmpSocket, TIMEOUT)) {
                assertThat(qmp.queryStatus()).isEqualTo("running");
            }
        }
    }

    @Test
    void aQmpErrorBecomesAnOperationFailedRpcException() throws IOException {
        try (QmpClient qmp = QmpClient.connect(qmpSocket, TIMEOUT)) {
            assertThatThrownBy(() -> qmp.execute("no-such-command")).isInstanceOf(RpcException.class)
                    .hasMessage("qemu refused no-such-command: The command no-such-command has not been found")
                    .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.OPERATION_FAILED));
            assertThat(qmp.queryStatus()).as("the session survives a refusal").isEqualTo("running");
        }
    }

    @Test
    void forwardsAreAddedAndRemovedAtRunTimeOnLoopbackOnly() throws IOException {
        int port = freeLoopbackPort();
        try (QmpClient qmp = QmpClient.connect(qmpSocket, TIMEOUT)) {
            qmp.addHostForward(QemuArgs.NETDEV_ID, port, 22);
            assertThat(acceptsOnLoopback(port)).as("slirp listens on 127.0.0.1:%d", port).isTrue();

            assertThatThrownBy(() -> qmp.addHostForward(QemuArgs.NETDEV_ID, port, 22)).isInstanceOf(RpcException.class)
                    .hasMessage("qemu refused hostfwd_add n0 tcp:127.0.0.1:" + port + "-:22: "
                            + "Could not set up host forwarding rule 'tcp:127.0.0.1:" + port + "-:22'");

            qmp.removeHostForward(QemuArgs.NETDEV_ID, port);
            assertThat(acceptsOnLoopback(port)).isFalse();
            assertThatThrownBy(() -> qmp.removeHostForward(QemuArgs.NETDEV_ID, port)).isInstanceOf(RpcException.class)
                    .hasMessageEndingWith("host forwarding rule for tcp:127.0.0.1:" + port + " not found");
            assertThatThrownBy(() -> qmp.addHostForward("nope", port, 22)).isInstanceOf(RpcException.class)
                    .hasMessageEndingWith("unrecognized netdev id 'nope'");
        }
    }

    @Test
    void quitEndsQemuEvenThoughAShutdownEventComesFirst() throws Exception {
        try (QmpClient qmp = QmpClient.connect(qmpSocket, TIMEOUT)) {
            qmp.quit();
        }
        assertThat(qemu.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void somethingThatIsNotQmpIsRefused() throws Exception {
        Path notQmp = dir.resolve("other.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(notQmp));
            Thread greeter = new Thread(() -> {
                try (var client = server.accept()) {
                    client.write(java.nio.ByteBuffer.wrap("{\"hello\": 1}\n".getBytes()));
                } catch (IOException ignored) {
                    // the assertion below reports what matters
                }
            });
            greeter.start();
            assertThatThrownBy(() -> QmpClient.connect(notQmp, TIMEOUT)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not a QMP greeting");
            greeter.join(5000);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean acceptsOnLoopback(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
