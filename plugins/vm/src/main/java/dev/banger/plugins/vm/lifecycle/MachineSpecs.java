package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.disk.VmDisks;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import java.nio.file.Path;
import java.util.List;

/** Turns a VM record into what a backend boots: disks in contract order, the guest's kernel command line. */
final class MachineSpecs {
    /** QEMU user networking's fixed addresses: the guest is 10.0.2.15 behind 10.0.2.2, DNS at 10.0.2.3. */
    static final String USER_NET_ARGS = "banger.ip=10.0.2.15/24 banger.gw=10.0.2.2 banger.dns=10.0.2.3";

    private MachineSpecs() {
    }

    static MachineSpec of(VmRecord r, VmPaths paths) {
        VmRuntime rt = r.runtime();
        Path disks = Path.of(rt.diskDir());
        String args = "root=/dev/vda rw init=" + rt.init() + " banger.hostname=" + r.name() + " " + USER_NET_ARGS;
        List<MachineSpec.Forward> forwards = rt.forwards().stream().map(f -> new MachineSpec.Forward(f.hostPort(), f.guestPort())).toList();
        return new MachineSpec(r.name(), r.spec().vcpu(), r.spec().memoryMib(), Path.of(rt.vmlinuz()),
                rt.initrd() == null ? null : Path.of(rt.initrd()), args,
                List.of(new MachineSpec.Disk("root", disks.resolve(VmDisks.ROOT), "qcow2", false),
                        new MachineSpec.Disk("config", disks.resolve(VmDisks.CONFIG), "raw", true),
                        new MachineSpec.Disk("work", disks.resolve(VmDisks.WORK), "raw", false)),
                r.spec().network(), rt.mac(), forwards, null, paths.run(rt.id()));
    }
}
