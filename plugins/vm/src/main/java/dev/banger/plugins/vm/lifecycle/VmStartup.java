package dev.banger.plugins.vm.lifecycle;

/** Entry point for what the plugin does when it first starts serving (re-attach to live VMs). */
public final class VmStartup {
    private VmStartup() {
    }

    public static void reattach(VmRuntimeServices s, dev.banger.kernel.api.HelperClient helper) throws Exception {
        Reattach.run(s, helper);
    }
}
