package dev.banger.plugins.vm.backend.qemu;

import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.MachineSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The {@code qemu-system-x86_64 -M microvm} argv for one {@link MachineSpec}. Every flag of the base
 * line fixed a real hang under TCG (see HOST-NOTES): the PIT, PIC and RTC must be on for the cloud
 * kernel's timer set-up, and ACPI stays on because the kernel finds the virtio-mmio devices through it.
 *
 * <p>QEMU splits option values at commas, and some of the short forms used here ({@code -serial file:})
 * do not understand the {@code ,,} escape, so a value containing a comma is refused instead of escaped.
 */
public final class QemuArgs {
    public static final String GUEST_PORT_NAME = "org.banger.guest.0";
    /** The user-mode netdev's id; run-time forwards ({@code hostfwd_add}) name it. */
    public static final String NETDEV_ID = "n0";

    private final Path qemuBinary;
    private final Accelerator accelerator;
    private final OptionalLong tscKhz;

    public QemuArgs(Path qemuBinary, Accelerator accelerator, OptionalLong tscKhz) {
        this.qemuBinary = qemuBinary;
        this.accelerator = accelerator;
        this.tscKhz = tscKhz;
    }

    public List<String> build(MachineSpec spec) {
        QemuRunDir run = new QemuRunDir(spec.runDir());
        List<String> argv = new ArrayList<>();
        argv.add(qemuBinary.toString());
        argv.addAll(List.of("-M", "microvm,pit=on,pic=on,rtc=on"));
        argv.addAll(accelerator.qemuFlags());
        argv.addAll(List.of("-m", Integer.toString(spec.memoryMib()), "-smp", Integer.toString(spec.vcpu())));
        argv.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
        argv.addAll(List.of("-kernel", plain(spec.kernel())));
        if (spec.initrd() != null) {
            argv.addAll(List.of("-initrd", plain(spec.initrd())));
        }
        argv.addAll(List.of("-append", kernelCommandLine(spec.kernelArgs())));
        for (MachineSpec.Disk disk : spec.disks()) {
            addDisk(argv, disk);
        }
        addNetwork(argv, spec);
        argv.addAll(List.of("-qmp", qmpChardev(run.qmpSocket())));
        argv.addAll(List.of("-serial", "file:" + plain(run.consoleLog())));
        argv.addAll(List.of("-device", "virtio-serial-device",
                "-chardev", "socket,id=ch0,path=" + plain(run.guestSocket()) + ",server=on,wait=off",
                "-device", "virtserialport,chardev=ch0,name=" + GUEST_PORT_NAME));
        argv.addAll(List.of("-pidfile", plain(run.pidFile())));
        return List.copyOf(argv);
    }

    /** The exact {@code -qmp} value; {@link QemuProcessCheck} looks for it to recognise our process. */
    public static String qmpChardev(Path qmpSocket) {
        return "unix:" + plain(qmpSocket) + ",server=on,wait=off";
    }

    String kernelCommandLine(String specArgs) {
        StringBuilder line = new StringBuilder("console=ttyS0 panic=-1 quiet");
        tscKhz.ifPresent(khz -> line.append(" tsc_early_khz=").append(khz));
        if (specArgs != null && !specArgs.isBlank()) {
            line.append(' ').append(specArgs.trim());
        }
        return line.toString();
    }

    private static void addDisk(List<String> argv, MachineSpec.Disk disk) {
        String format = disk.format().toLowerCase(Locale.ROOT);
        if (!format.equals("qcow2") && !format.equals("raw")) {
            throw RpcException.badRequest("qemu backend: disk " + disk.id() + " has format " + disk.format() + "; qcow2 or raw only");
        }
        String id = plain(disk.id());
        argv.addAll(List.of("-drive", "file=" + plain(disk.path()) + ",format=" + format + ",if=none,id=" + id
                + (disk.readOnly() ? ",readonly=on" : "")));
        argv.addAll(List.of("-device", "virtio-blk-device,drive=" + id));
    }

    private static void addNetwork(List<String> argv, MachineSpec spec) {
        String netdev;
        if ("user".equals(spec.networkMode())) {
            StringBuilder user = new StringBuilder("user,id=" + NETDEV_ID);
            for (MachineSpec.Forward forward : spec.forwards()) {
                user.append(",hostfwd=").append(hostForward(forward.hostPort(), forward.guestPort()));
            }
            netdev = user.toString();
        } else if ("bridge".equals(spec.networkMode())) {
            if (spec.tap() == null || spec.tap().isBlank()) {
                throw RpcException.badRequest("qemu backend: bridge networking needs a tap device");
            }
            // script=no: the helper already made and attached the tap; QEMU must not run ifup scripts as us
            netdev = "tap,id=" + NETDEV_ID + ",ifname=" + plain(spec.tap()) + ",script=no,downscript=no";
        } else {
            throw RpcException.badRequest("qemu backend: network mode " + spec.networkMode() + " is not user or bridge");
        }
        argv.addAll(List.of("-netdev", netdev));
        argv.addAll(List.of("-device", "virtio-net-device,netdev=" + NETDEV_ID
                + (spec.guestMac() == null ? "" : ",mac=" + plain(spec.guestMac()))));
    }

    /** Only ever on 127.0.0.1: a forward must not expose the guest to the host's network. */
    public static String hostForward(int hostPort, int guestPort) {
        requirePort(hostPort);
        requirePort(guestPort);
        return "tcp:127.0.0.1:" + hostPort + "-:" + guestPort;
    }

    static int requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw RpcException.badRequest("qemu backend: port " + port + " is not between 1 and 65535");
        }
        return port;
    }

    private static String plain(Path path) {
        return plain(path.toString());
    }

    private static String plain(String value) {
        if (value.indexOf(',') >= 0) {
            throw RpcException.badRequest("qemu backend: '" + value + "' contains a comma, which QEMU's option syntax would split");
        }
        return value;
    }
}
