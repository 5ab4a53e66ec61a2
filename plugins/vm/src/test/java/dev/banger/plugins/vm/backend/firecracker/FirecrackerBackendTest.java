package dev.banger.plugins.vm.backend.firecracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.MachineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM plugin's side of the firecracker backend: the machine spec the lifecycle builds, mapped by
 * FirecrackerBackend and sent through the spec-enforcing fake. (Launching the process needs the
 * firecracker binary, which these hosts cannot have.)
 */
class FirecrackerBackendTest {
    @TempDir
    Path dir;
    private FakeFirecrackerApi fake;

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeFirecrackerApi.start(dir.resolve("api.sock"), "vm-a");
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }

    private MachineSpec spec(String rootFormat) {
        return new MachineSpec("vm-a", 2, 512, dir.resolve("vmlinuz"), dir.resolve("initrd.img"),
                "root=/dev/vda rw init=/sbin/init banger.hostname=vm-a",
                List.of(new MachineSpec.Disk("root", dir.resolve("root.raw"), rootFormat, false),
                        new MachineSpec.Disk("config", dir.resolve("config.ext4"), "raw", true),
                        new MachineSpec.Disk("work", dir.resolve("work.ext4"), "raw", false)),
                "bridge", "52:54:00:12:34:56", List.of(), "tap-vm-a", dir);
    }

    @Test
    void theLifecyclesSpecBootsAndStopsWithinTheContract() {
        FirecrackerMachine machine = new FirecrackerMachine(new FirecrackerApi(new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5))));
        machine.boot(FirecrackerBackend.toFirecracker(spec("raw")));
        assertThat(machine.describe().isRunning()).isTrue();
        machine.shutdown();

        assertThat(fake.violations()).isEmpty();
        assertThat(fake.configured().keySet()).containsExactly("PUT /machine-config", "PUT /boot-source",
                "PUT /drives/root", "PUT /drives/config", "PUT /drives/work", "PUT /network-interfaces/eth0");
        assertThat(fake.configured().get("PUT /drives/root").toString()).contains("\"is_root_device\":true");
        assertThat(fake.configured().get("PUT /drives/config").toString()).contains("\"is_read_only\":true", "\"is_root_device\":false");
        assertThat(fake.configured().get("PUT /network-interfaces/eth0").toString()).contains("tap-vm-a", "52:54:00:12:34:56");
        assertThat(fake.configured().get("PUT /boot-source").toString()).contains("console=ttyS0", "banger.hostname=vm-a");
    }

    @Test
    void aQcow2DiskIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> FirecrackerBackend.toFirecracker(spec("qcow2")))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code().wire()).isEqualTo("bad_request"))
                .hasMessageContaining("raw disks only");
        assertThat(fake.configured()).isEmpty();
    }

    @Test
    void aBridgeSpecFromTheLifecycleGetsItsTapAndAddressAndLaunchesInsideTheConfiguredNamespace() throws Exception {
        MachineSpec bridged = new MachineSpec("vm-a", 1, 256, dir.resolve("vmlinuz"), null,
                "root=/dev/vda rw init=/sbin/init banger.hostname=vm-a banger.ip=172.30.0.2/24 banger.gw=172.30.0.1",
                List.of(new MachineSpec.Disk("root", dir.resolve("root.raw"), "raw", false)), "bridge", "52:54:00:0a:1b:2c", List.of(),
                "bgr-0a1b2c3d", dir);
        FirecrackerMachine machine = new FirecrackerMachine(new FirecrackerApi(new UnixHttpClient(fake.socketPath(), Duration.ofSeconds(5))));
        machine.boot(FirecrackerBackend.toFirecracker(bridged));
        assertThat(fake.violations()).isEmpty();
        assertThat(fake.configured().get("PUT /network-interfaces/eth0").toString()).contains("bgr-0a1b2c3d");
        assertThat(fake.configured().get("PUT /boot-source").toString()).contains("banger.ip=172.30.0.2/24 banger.gw=172.30.0.1");
        machine.shutdown();

        // a stand-in binary: argv() resolves it on the search path (it is never run here)
        Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Files.writeString(bin.resolve("firecracker"), "#!/bin/sh\nexit 1\n");
        bin.resolve("firecracker").toFile().setExecutable(true);
        FirecrackerBackend confined = new FirecrackerBackend(new FirecrackerLauncher("firecracker", bin.toString()),
                new dev.banger.plugins.vm.net.NetnsEntry("banger-test-1"));
        assertThat(confined.launchArgv(bridged, dir.resolve("fc.sock"))).startsWith("setsid", "nsenter", "--net=/run/netns/banger-test-1", bin.resolve("firecracker").toString());
        assertThat(new FirecrackerBackend(new FirecrackerLauncher("firecracker", bin.toString())).launchArgv(bridged, dir.resolve("fc.sock")).get(1))
                .isNotEqualTo("nsenter");
    }

    @Test
    void itDoesNotApplyWithoutTheBinaryAndSaysWhy() {
        FirecrackerBackend backend = new FirecrackerBackend(new FirecrackerLauncher("firecracker", dir.toString()));
        assertThat(backend.applicability().applicable()).isFalse();
        assertThat(backend.applicability().reason()).contains("firecracker");
        assertThat(backend.capabilities().networkModes()).containsExactly("bridge");
    }
}
