package dev.banger.plugins.vm.backend.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.MachineStatus.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QemuRunStateTest {
    @ParameterizedTest
    @CsvSource({
            "running, RUNNING",
            "internal-error, PAUSED_ON_ERROR", // what a stock kernel on KVM-PVM ends in
            "guest-panicked, PAUSED_ON_ERROR",
            "io-error, PAUSED_ON_ERROR",
            "shutdown, SHUTDOWN",
            "paused, RUNNING",
            "prelaunch, RUNNING"})
    void mapsQemuRunStates(String qemu, State expected) {
        assertThat(QemuRunState.toStatus(qemu)).isEqualTo(new MachineStatus(expected, qemu));
    }
}
