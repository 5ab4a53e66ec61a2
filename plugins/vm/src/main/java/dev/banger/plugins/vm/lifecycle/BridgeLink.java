package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.store.BridgeLease;
import dev.banger.plugins.vm.store.VmRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a bridge VM's lease to the lifecycle: tap and NAT before each boot, removed once the VMM is
 * gone. User-networking VMs have no lease, so every step is a no-op for them.
 */
final class BridgeLink {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");

    private BridgeLink() {
    }

    static void up(VmRuntimeServices s, VmRecord r, HelperClient helper) throws Exception {
        Optional<BridgeLease> lease = s.store().lease(r.name());
        if (lease.isPresent()) {
            s.bridge().up(lease.get(), r.spec().nat(), helper);
        }
    }

    /** Strict: a failure propagates (vm.delete keeps the row then, so a retry can finish the job). */
    static void down(VmRuntimeServices s, VmRecord r, HelperClient helper) throws Exception {
        Optional<BridgeLease> lease = s.store().lease(r.name());
        if (lease.isPresent()) {
            s.bridge().down(lease.get(), helper);
        }
    }

    /** After a stop, kill or failed boot: the VM is stopped either way; a tap left behind is reused at the next start. */
    static void downQuietly(VmRuntimeServices s, VmRecord r, HelperClient helper) {
        try {
            down(s, r, helper);
        } catch (Exception e) {
            LOG.warn("{}: could not remove its tap and NAT rules ({}); `banger vm delete {}` retries", r.name(), e.getMessage(), r.name());
        }
    }
}
