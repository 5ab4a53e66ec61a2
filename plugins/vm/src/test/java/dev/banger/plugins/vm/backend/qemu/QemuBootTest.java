package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineSpec.Disk;
import dev.banger.plugins.vm.backend.MachineSpec.Forward;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.MachineStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real boot through {@link QemuBackend}: Debian's cloud kernel, a busybox initramfs, a qcow2
 * overlay and a read-only raw disk, user networking with a forward. TCG on hosts without real KVM,
 * so this is the one CPU-heavy test of the package; it runs a single VM, bounded by a timeout.
 */
class QemuBootTest {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private MachineHandle handle;

    @AfterEach
    void killTheVm() {
        if (handle != null) {
            InstalledQemu.killIfAlive(handle.pid());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void bootsReportsStatusForwardsAtRunTimeAndGoesAway() throws Exception {
        InstalledQemu.require();
        InstalledQemu.requireSetsid();
        Path busybox = Path.of("/bin/busybox");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(busybox), "/bin/busybox missing (apt-get install busybox-static)");
        long t0 = System.nanoTime();
        DebianCloudKernel kernel = DebianCloudKernel.fetch(Files.createDirectories(dir.resolve("kernel")));
        Path initrd = TestInitramfs.build(dir, busybox, kernel.modules());
        List<Disk> disks = disks();
        log("kernel fetched and initramfs built in %d ms", ms(t0));

        QemuBackend backend = QemuBackend.forThisHost();
        log("applicability: %s", backend.applicability());
        int sshPort = freeLoopbackPort();
        MachineSpec spec = new MachineSpec("boot-test", 1, 256, kernel.vmlinuz(), initrd, "banger.hostname=boot-test",
                disks, "user", "02:fc:00:00:00:01", List.of(new Forward(sshPort, 22)), null, dir.resolve("run"));
        long launchStart = System.nanoTime();
        handle = backend.launch(spec);
        log("launch returned after %d ms (pid %d)", ms(launchStart), handle.pid());

        assertThat(handle.backend()).isEqualTo("qemu");
        assertThat(handle.controlSocket()).isEqualTo(dir.resolve("run/qmp.sock"));
        assertThat(InstalledQemu.sessionAndGroup(handle.pid())[0]).as("qemu has its own session")
                .isEqualTo(handle.pid()).isNotEqualTo(InstalledQemu.sessionAndGroup(ProcessHandle.current().pid())[0]);
        assertThat(awaitAccepts(sshPort)).as("the launch-time forward listens on 127.0.0.1").isTrue();

        String console = awaitConsole(backend.consoleLog(handle), TestInitramfs.CONSOLE_MARKER);
        log("console marker after %d ms", ms(launchStart));
        assertThat(console).contains(TestInitramfs.CONSOLE_MARKER);
        assertThat(backend.status(handle)).isEqualTo(new MachineStatus(State.RUNNING, "running"));

        assertThat(readGuestChannel(dir.resolve("run/guest.sock"))).as("guest → host over virtio-serial, console: %s",
                Files.readString(backend.consoleLog(handle))).contains("BANGER_READY");
        log("BANGER_READY on guest.sock after %d ms", ms(launchStart));

        int extraPort = freeLoopbackPort();
        backend.addForward(handle, extraPort, 8080);
        assertThat(acceptsOnLoopback(extraPort)).isTrue();
        backend.removeForward(handle, extraPort);
        assertThat(acceptsOnLoopback(extraPort)).isFalse();

        // a busybox guest has no ACPI button handler: QEMU accepts the request, the guest ignores it
        backend.requestShutdown(handle);
        // taken before the signal: QEMU may exit and be reaped before a lookup made afterwards, which then finds nothing
        ProcessHandle qemu = ProcessHandle.of(handle.pid()).orElseThrow();
        backend.kill(handle, "TERM");
        assertThat(qemu.onExit().orTimeout(10, TimeUnit.SECONDS).join().isAlive()).isFalse();
        assertThat(backend.status(handle).state()).isEqualTo(State.GONE);
        backend.kill(handle, "KILL"); // already gone: nothing to do, and no error
    }

    /** A qcow2 overlay over a raw base (as the real root disk is made) and a read-only raw disk. */
    private List<Disk> disks() throws IOException, InterruptedException {
        Path qemuImg = HostCommand.require("qemu-img", "apt-get install --no-install-recommends qemu-utils");
        Path base = dir.resolve("base.raw");
        try (var file = new java.io.RandomAccessFile(base.toFile(), "rw")) {
            file.setLength(1 << 20);
        }
        Path overlay = dir.resolve("root.qcow2");
        HostCommand.in(dir, qemuImg.toString(), "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "raw", overlay.toString()).run();
        Path config = Files.write(dir.resolve("config.img"), new byte[1 << 16]);
        return List.of(new Disk("root", overlay, "qcow2", false), new Disk("config", config, "raw", true));
    }

    private static String awaitConsole(Path consoleLog, String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(consoleLog) ? Files.readString(consoleLog, StandardCharsets.ISO_8859_1) : "";
            if (text.contains(marker)) {
                return text;
            }
            Thread.sleep(100);
        }
        return Files.exists(consoleLog) ? Files.readString(consoleLog, StandardCharsets.ISO_8859_1) : "(no console.log)";
    }

    /** Connects to the host end of the virtio-serial port and reads what the guest wrote, for up to 30 s. */
    private static String readGuestChannel(Path guestSocket) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(guestSocket));
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                StringBuilder text = new StringBuilder();
                ByteBuffer buffer = ByteBuffer.allocate(256);
                try {
                    while (!text.toString().contains("\n") && channel.read(buffer) >= 0) {
                        text.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
                        buffer.clear();
                    }
                } catch (IOException e) {
                    // closing the channel after the timeout ends the read
                }
                return text.toString();
            });
            try {
                return read.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return "(nothing within 30 s)";
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * launch() returns once the QMP socket file exists, and QEMU makes its chardevs (QMP) before its netdevs
     * (where hostfwd binds): on a loaded host the forward comes up a moment after launch returns.
     */
    private static boolean awaitAccepts(int port) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!acceptsOnLoopback(port)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static boolean acceptsOnLoopback(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[QemuBootTest] " + format + "%n", args);
    }
}
