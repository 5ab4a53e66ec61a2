package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.kernel.api.files.FileTrees;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a VM apart: VMM, tap and NAT, sockets, disks, known_hosts entries, row (and lease). Also records a failed VM. */
public final class VmRemoval {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");
    private final VmRuntimeServices s;

    public VmRemoval(VmRuntimeServices services) {
        this.s = services;
    }

    /**
     * Everything goes; the row last, so a crash half-way leaves a row that `vm delete` can finish. The row's
     * deletion releases the bridge lease (address and tap name) in the same statement.
     */
    public void remove(VmRecord r, VmBackend backend, HelperClient helper) throws Exception {
        stopVmm(r, backend);
        BridgeLink.down(s, r, helper);
        FileTrees.deleteRecursively(Path.of(r.runtime().runDir()));
        FileTrees.deleteRecursively(Path.of(r.runtime().diskDir()));
        s.guest().forget(r.name());
        s.store().delete(r.name());
    }

    /**
     * A create that was cancelled, or whose network could not be set up: like {@link #remove}, but the row goes
     * even when the helper cannot remove the tap (the VM never ran; leaving a row would leave a broken VM).
     */
    public void discard(VmRecord r, VmBackend backend, HelperClient helper) throws Exception {
        stopVmm(r, backend);
        BridgeLink.downQuietly(s, r, helper);
        FileTrees.deleteRecursively(Path.of(r.runtime().runDir()));
        FileTrees.deleteRecursively(Path.of(r.runtime().diskDir()));
        s.guest().forget(r.name());
        s.store().delete(r.name());
    }

    /** A create that failed after allocation: the VMM is stopped and its tap removed, the files stay for `vm logs`. */
    public void markFailed(VmRecord r, VmBackend backend, String error, HelperClient helper) throws Exception {
        // the row must leave `creating` whatever happens here: a row left `creating` is undone at the next daemon start
        VmRecord row = r.withRuntime(r.runtime().withPid(null, null));
        String why = error;
        try {
            stopVmm(r, backend);
        } catch (Exception | Error e) {
            LOG.warn("{}: could not stop its VMM after a failed boot: {}", r.name(), e.toString());
            row = r; // the pid stays, so `vm kill` / `vm delete` can still find the VMM
            why = error + "; stopping its VMM failed too (" + e.getMessage() + "): `banger vm delete " + r.name() + "` retries";
        }
        BridgeLink.downQuietly(s, r, helper);
        s.store().update(row.withState("error", why));
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
