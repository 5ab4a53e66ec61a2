package dev.banger.plugins.vm.backend.qemu;

import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.MachineStatus.State;
import java.util.Set;

/** QEMU's run state (QMP {@code query-status}) as a {@link MachineStatus}. */
final class QemuRunState {
    /** States in which QEMU stopped the guest because something broke; QEMU stays up, paused, until killed. */
    private static final Set<String> ERRORS = Set.of("internal-error", "guest-panicked", "io-error", "watchdog");

    private QemuRunState() {
    }

    /**
     * {@code MachineStatus} has no plain "paused": a guest paused on purpose (or migrating, or not yet
     * started) is alive and will run again, so it counts as RUNNING, with QEMU's word in the detail.
     */
    static MachineStatus toStatus(String qemuStatus) {
        if (qemuStatus.equals("running")) {
            return new MachineStatus(State.RUNNING, qemuStatus);
        }
        if (ERRORS.contains(qemuStatus)) {
            return new MachineStatus(State.PAUSED_ON_ERROR, qemuStatus);
        }
        if (qemuStatus.equals("shutdown")) {
            return new MachineStatus(State.SHUTDOWN, qemuStatus);
        }
        return new MachineStatus(State.RUNNING, qemuStatus);
    }
}
