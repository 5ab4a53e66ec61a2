package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.store.VmRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At daemon start, before anything else reads the VMs: a row still {@code creating} belongs to a
 * create the killed daemon never finished, and is undone like a cancelled create (VMM — found by the
 * pid it wrote into its run dir when the row never got it —, disks, run dir, known_hosts, row); its
 * operation is reported failed by the kernel's operation journal. A row still {@code deleting} is
 * deleted to the end. Either way the VM is whole or gone, never half.
 */
final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");

    private CrashRecovery() {
    }

    static void run(VmRuntimeServices s, HelperClient helper) throws Exception {
        for (VmRecord r : s.store().list()) {
            if (r.state().equals(VmStates.CREATING) || r.state().equals(VmStates.DELETING)) {
                s.removal().discard(r, s.backends().byName(r.runtime().backend()).orElse(null), helper);
                LOG.atWarn().addKeyValue("vm", r.name()).log(r.state().equals(VmStates.CREATING)
                        ? "VM {} was being created when the previous bangerd died: its create is undone (VMM, disks, row removed)"
                        : "VM {} was being deleted when the previous bangerd died: the delete is finished", r.name());
            }
        }
    }
}
