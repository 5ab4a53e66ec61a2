package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineSpec.Disk;
import dev.banger.plugins.vm.backend.MachineSpec.Forward;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QemuArgsTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Path RUN = Path.of("/run/banger/vm/dev1");
    private final QemuArgs tcgArgs = new QemuArgs(QEMU, Accelerator.tcg("test"), OptionalLong.of(2_596_144));

    @Test
    void theBaseLineIsTheOneThatBootsUnderTcg() {
        List<String> argv = tcgArgs.build(userSpec(List.of(), List.of()));

        assertThat(argv).startsWith(QEMU.toString(), "-M", "microvm,pit=on,pic=on,rtc=on",
                "-accel", "tcg,thread=multi", "-cpu", "max", "-m", "512", "-smp", "2",
                "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
                "-kernel", "/k/vmlinuz", "-initrd", "/k/initrd.img",
                "-append", "console=ttyS0 panic=-1 quiet tsc_early_khz=2596144 root=/dev/vda banger.ip=10.0.2.15/24");
        // ACPI must stay on: the kernel finds the virtio-mmio devices through it
        assertThat(String.join(" ", argv)).doesNotContain("acpi=off");
    }

    @Test
    void controlSerialGuestChannelAndPidFileLiveInTheRunDir() {
        List<String> argv = tcgArgs.build(userSpec(List.of(), List.of()));

        assertThat(argv).containsSubsequence("-qmp", "unix:/run/banger/vm/dev1/qmp.sock,server=on,wait=off");
        assertThat(argv).containsSubsequence("-serial", "file:/run/banger/vm/dev1/console.log");
        assertThat(argv).containsSubsequence("-device", "virtio-serial-device",
                "-chardev", "socket,id=ch0,path=/run/banger/vm/dev1/guest.sock,server=on,wait=off",
                "-device", "virtserialport,chardev=ch0,name=org.banger.guest.0");
        assertThat(argv).endsWith("-pidfile", "/run/banger/vm/dev1/qemu.pid");
    }

    @Test
    void disksKeepTheirOrderFormatAndReadOnlyFlag() {
        List<String> argv = tcgArgs.build(userSpec(List.of(
                new Disk("root", Path.of("/vm/root.qcow2"), "qcow2", false),
                new Disk("config", Path.of("/vm/config.img"), "RAW", true),
                new Disk("work", Path.of("/vm/work.ext4"), "raw", false)), List.of()));

        assertThat(argv).containsSubsequence(
                "-drive", "file=/vm/root.qcow2,format=qcow2,if=none,id=root", "-device", "virtio-blk-device,drive=root",
                "-drive", "file=/vm/config.img,format=raw,if=none,id=config,readonly=on", "-device", "virtio-blk-device,drive=config",
                "-drive", "file=/vm/work.ext4,format=raw,if=none,id=work", "-device", "virtio-blk-device,drive=work");
    }

    @Test
    void userNetworkingForwardsOnlyFromLoopback() {
        List<String> argv = tcgArgs.build(userSpec(List.of(), List.of(new Forward(40022, 22), new Forward(48080, 8080))));

        assertThat(argv).containsSubsequence(
                "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:40022-:22,hostfwd=tcp:127.0.0.1:48080-:8080",
                "-device", "virtio-net-device,netdev=n0,mac=02:fc:00:00:00:01");
    }

    @Test
    void bridgeNetworkingUsesTheHelpersTapWithoutScripts() {
        MachineSpec spec = spec(List.of(), "bridge", List.of(), "tap-dev1");

        assertThat(tcgArgs.build(spec)).containsSubsequence(
                "-netdev", "tap,id=n0,ifname=tap-dev1,script=no,downscript=no",
                "-device", "virtio-net-device,netdev=n0,mac=02:fc:00:00:00:01");
    }

    @Test
    void kvmHostsGetKvmAndTheHostCpu() {
        Accelerator kvm = Accelerator.detect(new HostCpuInfo(java.util.Set.of("vmx"), OptionalLong.empty()),
                Path.of("/dev/null"), Path.of("/nonexistent-sys-module"));
        List<String> argv = new QemuArgs(QEMU, kvm, OptionalLong.empty()).build(userSpec(List.of(), List.of()));

        assertThat(argv).containsSubsequence("-accel", "kvm", "-cpu", "host");
        assertThat(argv).doesNotContain("tcg,thread=multi");
        assertThat(argv).contains("console=ttyS0 panic=-1 quiet root=/dev/vda banger.ip=10.0.2.15/24");
    }

    @Test
    void noInitrdNoExtraArgsNoMac() {
        MachineSpec spec = new MachineSpec("dev1", 1, 128, Path.of("/k/vmlinuz"), null, null,
                List.of(), "user", null, List.of(), null, RUN);

        List<String> argv = tcgArgs.build(spec);

        assertThat(argv).doesNotContain("-initrd");
        assertThat(argv).containsSubsequence("-append", "console=ttyS0 panic=-1 quiet tsc_early_khz=2596144");
        assertThat(argv).containsSubsequence("-device", "virtio-net-device,netdev=n0");
    }

    @Test
    void refusesWhatQemuCannotOrShouldNotTake() {
        assertRefused(userSpec(List.of(new Disk("root", Path.of("/vm/a,b.qcow2"), "qcow2", false)), List.of()), "contains a comma");
        assertRefused(userSpec(List.of(new Disk("root", Path.of("/vm/root.vmdk"), "vmdk", false)), List.of()), "qcow2 or raw only");
        assertRefused(userSpec(List.of(), List.of(new Forward(0, 22))), "port 0");
        assertRefused(spec(List.of(), "bridge", List.of(), null), "needs a tap");
        assertRefused(spec(List.of(), "vsock-only", List.of(), null), "not user or bridge");
        assertRefused(spec(List.of(), "bridge", List.of(), "tap0,script=/tmp/evil"), "contains a comma");
    }

    private void assertRefused(MachineSpec spec, String why) {
        assertThatThrownBy(() -> tcgArgs.build(spec)).isInstanceOf(RpcException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    private static MachineSpec userSpec(List<Disk> disks, List<Forward> forwards) {
        return spec(disks, "user", forwards, null);
    }

    private static MachineSpec spec(List<Disk> disks, String mode, List<Forward> forwards, String tap) {
        return new MachineSpec("dev1", 2, 512, Path.of("/k/vmlinuz"), Path.of("/k/initrd.img"),
                " root=/dev/vda banger.ip=10.0.2.15/24 ", disks, mode, "02:fc:00:00:00:01", forwards, tap, RUN);
    }
}
