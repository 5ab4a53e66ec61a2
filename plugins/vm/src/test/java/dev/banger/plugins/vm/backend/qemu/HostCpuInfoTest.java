package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HostCpuInfoTest {
    @Test
    void readsFlagsAndTheClockOfTheFirstProcessor() {
        HostCpuInfo cpu = HostCpuInfo.parse(List.of("processor\t: 0", "cpu MHz\t\t: 2596.144", "flags\t\t: fpu  vmx sse2",
                "", "processor\t: 1", "cpu MHz\t\t: 1200.000", "flags\t\t: fpu"));

        assertThat(cpu.flags()).containsExactlyInAnyOrder("fpu", "vmx", "sse2");
        assertThat(cpu.mhzAsKhz()).isEqualTo(OptionalLong.of(2_596_144));
        assertThat(cpu.hasHardwareVirtualisation()).isTrue();
    }

    @Test
    void aMissingOrOddFileMeansNoFlagsAndNoClock() {
        HostCpuInfo missing = HostCpuInfo.read(Path.of("/nonexistent/cpuinfo"));
        HostCpuInfo odd = HostCpuInfo.parse(List.of("cpu MHz : fast", "Features : fp asimd"));

        assertThat(missing.flags()).isEmpty();
        assertThat(missing.mhzAsKhz()).isEmpty();
        assertThat(odd.mhzAsKhz()).isEmpty();
        assertThat(odd.hasHardwareVirtualisation()).isFalse();
    }
}
