package dev.banger.plugins.vm.backend.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * KVM or TCG, with the reason shown by {@code applicability()}. KVM is used only when {@code /dev/kvm}
 * is real VMX/SVM KVM: a KVM-PVM host also has {@code /dev/kvm}, but it only runs PVM-patched guest
 * kernels; a stock kernel dies with "KVM internal error" and QEMU then sits paused instead of exiting.
 *
 * @param qemuFlags the {@code -accel}/{@code -cpu} arguments for this accelerator
 */
public record Accelerator(boolean kvm, List<String> qemuFlags, String reason) {
    static final List<String> TCG_FLAGS = List.of("-accel", "tcg,thread=multi", "-cpu", "max");
    static final List<String> KVM_FLAGS = List.of("-accel", "kvm", "-cpu", "host");

    public static Accelerator tcg(String reason) {
        return new Accelerator(false, TCG_FLAGS, reason);
    }

    /** Looks at the real host: {@code /dev/kvm}, {@code /sys/module} and the CPU flags. */
    public static Accelerator detect(HostCpuInfo cpu) {
        return detect(cpu, Path.of("/dev/kvm"), Path.of("/sys/module"));
    }

    /** {@code devKvm} and {@code sysModule} are parameters so tests can describe any host. */
    public static Accelerator detect(HostCpuInfo cpu, Path devKvm, Path sysModule) {
        if (!Files.exists(devKvm)) {
            return tcg("no " + devKvm + ", using TCG (software emulation)");
        }
        if (Files.isDirectory(sysModule.resolve("kvm_pvm"))) {
            return tcg("PVM host: " + devKvm + " cannot boot stock kernels, using TCG");
        }
        if (!cpu.hasHardwareVirtualisation()) {
            return tcg(devKvm + " exists but the CPU has no vmx/svm flag, using TCG");
        }
        if (!Files.isReadable(devKvm) || !Files.isWritable(devKvm)) {
            // KVM would be right, but QEMU would fail to open it; TCG still boots (slowly)
            return tcg("no read/write access to " + devKvm + " (add the user to group kvm), using TCG");
        }
        return new Accelerator(true, KVM_FLAGS, "KVM (hardware virtualisation)");
    }
}
