package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake /proc/cpuinfo, /dev/kvm and /sys/module trees describe each kind of host. */
class AcceleratorTest {
    @TempDir
    Path root;

    @Test
    void realVmxKvmUsesKvm() throws IOException {
        Accelerator accel = detect(cpuinfo("fpu vme vmx sse2"), devKvm(), sysModules("kvm", "kvm_intel"));

        assertThat(accel.kvm()).isTrue();
        assertThat(accel.qemuFlags()).containsExactly("-accel", "kvm", "-cpu", "host");
        assertThat(accel.reason()).isEqualTo("KVM (hardware virtualisation)");
    }

    @Test
    void realSvmKvmUsesKvm() throws IOException {
        assertThat(detect(cpuinfo("fpu svm sse2"), devKvm(), sysModules("kvm", "kvm_amd")).kvm()).isTrue();
    }

    @Test
    void aPvmHostUsesTcgAndSaysWhy() throws IOException {
        Accelerator accel = detect(cpuinfo("fpu vme sse2 hypervisor"), devKvm(), sysModules("kvm", "kvm_pvm"));

        assertThat(accel.kvm()).isFalse();
        assertThat(accel.qemuFlags()).containsExactly("-accel", "tcg,thread=multi", "-cpu", "max");
        assertThat(accel.reason()).isEqualTo("PVM host: " + root.resolve("dev/kvm") + " cannot boot stock kernels, using TCG");
    }

    @Test
    void pvmWinsEvenWhenTheCpuAdvertisesVmx() throws IOException {
        assertThat(detect(cpuinfo("vmx"), devKvm(), sysModules("kvm", "kvm_pvm")).reason()).startsWith("PVM host");
    }

    @Test
    void devKvmWithoutVmxOrSvmUsesTcg() throws IOException {
        Accelerator accel = detect(cpuinfo("fpu sse2"), devKvm(), sysModules("kvm"));

        assertThat(accel.kvm()).isFalse();
        assertThat(accel.reason()).contains("no vmx/svm flag");
    }

    @Test
    void noDevKvmUsesTcg() throws IOException {
        Accelerator accel = detect(cpuinfo("vmx"), root.resolve("dev/kvm"), sysModules());

        assertThat(accel.kvm()).isFalse();
        assertThat(accel.reason()).startsWith("no " + root.resolve("dev/kvm"));
    }

    @Test
    void thisHostIsDescribedTruthfully() {
        Accelerator accel = Accelerator.detect(HostCpuInfo.read(HostCpuInfo.PROC_CPUINFO));
        boolean pvm = Files.isDirectory(Path.of("/sys/module/kvm_pvm"));

        if (pvm) {
            assertThat(accel.reason()).isEqualTo("PVM host: /dev/kvm cannot boot stock kernels, using TCG");
        }
        assertThat(accel.kvm()).isEqualTo(!pvm && Files.exists(Path.of("/dev/kvm"))
                && HostCpuInfo.read(HostCpuInfo.PROC_CPUINFO).hasHardwareVirtualisation()
                && Files.isReadable(Path.of("/dev/kvm")) && Files.isWritable(Path.of("/dev/kvm")));
    }

    private Accelerator detect(Path cpuinfo, Path devKvm, Path sysModule) {
        return Accelerator.detect(HostCpuInfo.read(cpuinfo), devKvm, sysModule);
    }

    private Path cpuinfo(String flags) throws IOException {
        Path file = root.resolve("proc/cpuinfo");
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of("processor\t: 0", "model name\t: Test CPU", "cpu MHz\t\t: 2596.144",
                "flags\t\t: " + flags, "", "processor\t: 1", "flags\t\t: " + flags));
    }

    private Path devKvm() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        return Files.createFile(root.resolve("dev/kvm")); // a plain file: readable and writable, like the node
    }

    private Path sysModules(String... modules) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/module"));
        for (String module : modules) {
            Files.createDirectories(dir.resolve(module));
        }
        return dir;
    }
}
