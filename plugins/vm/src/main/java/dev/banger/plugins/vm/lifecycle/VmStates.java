package dev.banger.plugins.vm.lifecycle;

/** Row states that mean "a call is half-way through this VM"; a daemon killed meanwhile finds them at its next start. */
public final class VmStates {
    /** From allocation until vm.create ends: undone (VMM, disks, row) if the daemon dies meanwhile. */
    public static final String CREATING = "creating";
    /** From the start of vm.delete: finished if the daemon dies meanwhile. */
    public static final String DELETING = "deleting";

    private VmStates() {
    }
}
