package dev.banger.plugins.vm.backend.firecracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend's whole lifecycle against the spec-enforcing fake: any request the spec forbids fails the test. */
class FirecrackerMachineTest {
    @TempDir
    Path dir;
    private FakeFirecrackerApi fake;
    private FirecrackerMachine machine;

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeFirecrackerApi.start(dir.resolve("api.sock"), "vm-test");
        machine = new FirecrackerMachine(new FirecrackerApi(new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }

    @Test
    void createStartStopDescribeDeleteFollowsTheSpec() throws Exception {
        assertThat(machine.describe().state()).isEqualTo(InstanceInfo.NOT_STARTED);

        machine.boot(spec());
        InstanceInfo running = machine.describe();
        machine.shutdown();

        assertThat(fake.violations()).isEmpty();
        assertThat(running.isRunning()).isTrue();
        assertThat(running.id()).isEqualTo("vm-test");
        assertThat(fake.vmm().ctrlAltDels()).isEqualTo(1);
        assertThat(fake.configured().keySet()).containsExactly("PUT /machine-config", "PUT /boot-source",
                "PUT /drives/rootfs", "PUT /drives/work", "PUT /network-interfaces/eth0", "PUT /vsock");
        assertThat(fake.configured().get("PUT /drives/rootfs").toString())
                .isEqualTo("{\"drive_id\":\"rootfs\",\"path_on_host\":\"" + dir.resolve("rootfs.raw")
                        + "\",\"is_root_device\":true,\"is_read_only\":false}");

        // delete: the process (here the fake) is gone, and the backend says so plainly
        fake.close();
        assertThatThrownBy(machine::describe).isInstanceOf(RpcException.class)
                .hasMessageContaining("firecracker API at " + fake.socketPath() + " unreachable for GET /");
    }

    @Test
    void optionalPartsAreLeftOutRatherThanSentAsNull() {
        machine.boot(new FirecrackerVmSpec(1, 128, dir.resolve("vmlinux"), null, "console=ttyS0",
                List.of(new FirecrackerVmSpec.Drive("rootfs", dir.resolve("rootfs.raw"), true, true)),
                List.of(new FirecrackerVmSpec.NetworkInterface("eth0", "tap0", null)), null));

        assertThat(fake.violations()).isEmpty();
        assertThat(fake.configured().get("PUT /boot-source").has("initrd_path")).isFalse();
        assertThat(fake.configured().get("PUT /network-interfaces/eth0").has("guest_mac")).isFalse();
        assertThat(fake.configured()).doesNotContainKey("PUT /vsock");
    }

    @Test
    void aSecondStartIsRefusedWithFirecrackersMessage() {
        machine.boot(spec());

        assertThatThrownBy(machine::start).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessage("firecracker refused PUT /actions: InstanceStart: the instance has already started");
        assertThat(fake.violations()).hasSize(1);
    }

    private FirecrackerVmSpec spec() {
        return new FirecrackerVmSpec(2, 1024, dir.resolve("vmlinux"), dir.resolve("initrd.img"),
                "console=ttyS0 reboot=k panic=1 root=/dev/vda",
                List.of(new FirecrackerVmSpec.Drive("rootfs", dir.resolve("rootfs.raw"), false, true),
                        new FirecrackerVmSpec.Drive("work", dir.resolve("work.ext4"), false, false)),
                List.of(new FirecrackerVmSpec.NetworkInterface("eth0", "tap-pool-0", "06:00:ac:10:00:02")),
                new FirecrackerVmSpec.Vsock(3, dir.resolve("vsock.sock")));
    }
}
