package dev.banger.plugins.vm.backend.qemu;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the qemu backend found on this host: the programs it runs, the accelerator to use, and the
 * host clock for {@code tsc_early_khz}. Probed once; tests build one by hand to describe other hosts.
 */
public record QemuHost(Optional<Path> qemu, Optional<Path> setsid, Accelerator accelerator, OptionalLong tscKhz) {
    public static final String QEMU_BINARY = "qemu-system-x86_64";

    public static QemuHost probe() {
        ExecutableSearch path = ExecutableSearch.ofThisProcess();
        HostCpuInfo cpu = HostCpuInfo.read(HostCpuInfo.PROC_CPUINFO);
        return new QemuHost(path.find(QEMU_BINARY), path.find("setsid"), Accelerator.detect(cpu), cpu.mhzAsKhz());
    }
}
