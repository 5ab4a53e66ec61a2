package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.Sizes;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.api.VmDefaultsResult;

/** The first line of {@code vm run}: what the VM will get, flags over the daemon's defaults. */
final class SpecLine {
    private SpecLine() {
    }

    static String of(VmCreateParams p, VmDefaultsResult d) {
        int vcpu = p.vcpu() != null ? p.vcpu() : d.vcpu();
        int mib = p.memoryMib() != null ? p.memoryMib() : d.memoryMib();
        long disk = p.diskSizeBytes() != null ? p.diskSizeBytes() : d.diskSizeBytes();
        String image = p.image() != null ? p.image() : d.image();
        return "spec: " + vcpu + " vcpu | " + mib + " MiB | " + size(disk) + " disk | image " + image;
    }

    /** Whole GiB as people type them ({@code 8 GiB}), anything else as Sizes prints it. */
    static String size(long bytes) {
        return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : Sizes.human(bytes);
    }
}
