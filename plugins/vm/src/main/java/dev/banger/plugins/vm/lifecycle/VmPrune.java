package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.store.VmRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** vm.prune: deletes every VM with no VMM to stop (created, stopped, error), the way vm.delete does. */
public final class VmPrune {
    /** starting and stopping are left alone too: some call is busy with that VM right now. */
    private static final Set<String> PRUNABLE = Set.of("created", "stopped", "error");
    private final VmRuntimeServices s;
    private final HelperClient helper;

    public VmPrune(VmRuntimeServices services, HelperClient helper) {
        this.s = services;
        this.helper = helper;
    }

    /** The VMs deleted, as they were just before. */
    public List<VmRecord> prune() throws Exception {
        List<VmRecord> deleted = new ArrayList<>();
        for (VmRecord listed : s.store().list()) {
            if (PRUNABLE.contains(listed.state())) {
                removeIfStillPrunable(listed.name()).ifPresent(deleted::add);
            }
        }
        return deleted;
    }

    /** Checked again under the VM's lock: a vm.start may have won the race since the list was read. */
    private Optional<VmRecord> removeIfStillPrunable(String name) throws Exception {
        return s.locks().with(name, () -> {
            Optional<VmRecord> now = s.store().find(name);
            if (now.isEmpty() || !PRUNABLE.contains(now.get().state())) {
                return Optional.empty();
            }
            VmRecord r = now.get();
            s.removal().remove(r, s.backends().byName(r.runtime().backend()).orElse(null), helper);
            return Optional.of(r);
        });
    }
}
