package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.net.BridgeNetwork;
import dev.banger.plugins.vm.store.VmStore;

/** What the lifecycle classes share: one per daemon. */
public interface VmRuntimeServices {
    VmStore store();

    VmPaths paths();

    GuestAccess guest();

    BackendChooser backends();

    VmRemoval removal();

    VmLocks locks();

    BridgeNetwork bridge();
}
