package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.disk.VmDisks;
import dev.banger.plugins.vm.net.BridgeNetwork;
import dev.banger.plugins.vm.store.BridgeLease;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a VM record into what a backend boots: disks in contract order, the guest's kernel command line,
 * and its network — forwards for user networking, the lease's tap and address for bridge networking (the
 * same for every backend: qemu's tap netdev and firecracker's network interface both take the tap).
 */
final class MachineSpecs {
    /** QEMU user networking's fixed addresses: the guest is 10.0.2.15 behind 10.0.2.2, DNS at 10.0.2.3. */
    static final String USER_NET_ARGS = "banger.ip=10.0.2.15/24 banger.gw=10.0.2.2 banger.dns=10.0.2.3";

    private MachineSpecs() {
    }

    static MachineSpec of(VmRecord r, VmPaths paths, Optional<BridgeLease> lease, BridgeNetwork bridge) {
        VmRuntime rt = r.runtime();
        Path disks = Path.of(rt.diskDir());
        boolean bridged = GuestEndpoint.isBridge(r);
        if (bridged && lease.isEmpty()) {
            throw new IllegalStateException("bridge VM " + r.name() + " has no lease in the store");
        }
        String netArgs = bridged ? bridge.guestArgs(lease.get()) : USER_NET_ARGS;
        String args = "root=/dev/vda rw init=" + rt.init() + " banger.hostname=" + r.name() + " " + netArgs;
        List<MachineSpec.Forward> forwards = bridged ? List.of()
                : rt.forwards().stream().map(f -> new MachineSpec.Forward(f.hostPort(), f.guestPort())).toList();
        return new MachineSpec(r.name(), r.spec().vcpu(), r.spec().memoryMib(), Path.of(rt.vmlinuz()),
                rt.initrd() == null ? null : Path.of(rt.initrd()), args,
                List.of(new MachineSpec.Disk("root", VmDisks.rootOf(disks).path(), VmDisks.rootOf(disks).format(), false),
                        new MachineSpec.Disk("config", disks.resolve(VmDisks.CONFIG), "raw", true),
                        new MachineSpec.Disk("work", disks.resolve(VmDisks.WORK), "raw", false)),
                r.spec().network(), rt.mac(), forwards, bridged ? lease.get().tap() : null, paths.run(rt.id()));
    }
}
