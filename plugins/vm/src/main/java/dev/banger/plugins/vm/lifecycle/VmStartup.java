package dev.banger.plugins.vm.lifecycle;

/** What the plugin does when it first starts serving: undo or finish half-done work, then re-attach to live VMs. */
public final class VmStartup {
    private VmStartup() {
    }

    public static void reattach(VmRuntimeServices s, dev.banger.kernel.api.HelperClient helper) throws Exception {
        CrashRecovery.run(s, helper);
        Reattach.run(s, helper);
    }
}
