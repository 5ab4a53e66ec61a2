package dev.banger.plugins.vm.backend;

/** What the VMM says about the machine. {@code detail} carries e.g. QEMU's run state. */
public record MachineStatus(State state, String detail) {
    public enum State { RUNNING, PAUSED_ON_ERROR, SHUTDOWN, GONE }
}
