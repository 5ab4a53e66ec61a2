package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.kernel.api.files.FileTrees;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmStore;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a VM apart: VMM, sockets, disks, known_hosts entries, row. Also records a failed VM. */
public final class VmRemoval {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");
    private final VmStore store;
    private final GuestAccess guest;

    public VmRemoval(VmStore store, GuestAccess guest) {
        this.store = store;
        this.guest = guest;
    }

    /** Everything goes; the row last, so a crash half-way leaves a row that `vm delete` can finish. */
    public void remove(VmRecord r, VmBackend backend) throws Exception {
        stopVmm(r, backend);
        FileTrees.deleteRecursively(Path.of(r.runtime().runDir()));
        FileTrees.deleteRecursively(Path.of(r.runtime().diskDir()));
        guest.forget(r.name());
        store.delete(r.name());
    }

    /** A create that failed after allocation: the VMM is stopped, the files stay for `vm logs`. */
    public void markFailed(VmRecord r, VmBackend backend, String error) throws Exception {
        stopVmm(r, backend);
        store.update(r.withRuntime(r.runtime().withPid(null, null)).withState("error", error));
    }

    private static void stopVmm(VmRecord r, VmBackend backend) throws Exception {
        MachineHandle h = VmStop.handle(r);
        if (h == null && backend != null) {
            // killed between launching the VMM and recording its pid: the VMM's own pid file still names it
            h = backend.launchedIn(Path.of(r.runtime().runDir())).orElse(null);
        }
        if (h != null && backend != null && backend.status(h).state() != MachineStatus.State.GONE) {
            LOG.info("{}: stopping its VMM (pid {})", r.name(), h.pid());
            backend.kill(h, "KILL");
            VmStop.awaitGone(backend, h, Duration.ofSeconds(10));
        }
    }
}
