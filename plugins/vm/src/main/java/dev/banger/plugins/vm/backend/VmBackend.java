package dev.banger.plugins.vm.backend;

import java.nio.file.Path;

/**
 * One way to run a microVM (qemu, firecracker). The vm plugin picks the applicable backend with the
 * highest priority; {@link #applicability()} explains a "no" so the aggregated report can say why.
 * A running machine is found again after a daemon restart through its {@link MachineHandle}
 * (pid + control socket), never by name.
 */
public interface VmBackend {
    String name();

    /** Higher wins when several apply. */
    int priority();

    Capabilities capabilities();

    Applicability applicability();

    /** Starts the VMM detached from the daemon (a daemon restart must not stop VMs) and returns at once. */
    MachineHandle launch(MachineSpec spec) throws Exception;

    /** Running, paused on an error, or gone; checked through the control socket and the pid. */
    MachineStatus status(MachineHandle handle);

    /** Asks the guest to power off (ACPI / Ctrl-Alt-Del); the caller waits and then calls {@link #kill}. */
    void requestShutdown(MachineHandle handle) throws Exception;

    /**
     * A VMM launched into {@code runDir} whose pid the daemon may never have recorded (it was killed
     * between the launch and the write of the row): found through what the VMM itself left in the run
     * dir. Callers still go through {@link #status}/{@link #kill}, which check the process is that VMM.
     */
    default java.util.Optional<MachineHandle> launchedIn(Path runDir) {
        return java.util.Optional.empty();
    }

    /** Whether the VMM process still runs, without talking to it (cheap enough to ask every second). */
    default boolean alive(MachineHandle handle) {
        return status(handle).state() != MachineStatus.State.GONE;
    }

    /** Ends the VMM process now (the pid must still be the VMM we launched). */
    void kill(MachineHandle handle, String signal) throws Exception;

    /** Forwards 127.0.0.1:hostPort to the guest's port at run time (user networking only). */
    default void addForward(MachineHandle handle, int hostPort, int guestPort) throws Exception {
        throw new UnsupportedOperationException(name() + " cannot add port forwards");
    }

    default void removeForward(MachineHandle handle, int hostPort) throws Exception {
        throw new UnsupportedOperationException(name() + " cannot remove port forwards");
    }

    /** Where the VM's serial console is written. */
    Path consoleLog(MachineHandle handle);
}
