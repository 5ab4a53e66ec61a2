package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a VM: {@code sync; poweroff} in the guest over ssh (or an ACPI power button when ssh is not
 * answering), then a hard stop of the VMM once the timeout passes. The disks stay.
 */
final class VmStop {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");
    private final VmRuntimeServices s;
    private final HelperClient helper;

    VmStop(VmRuntimeServices services, HelperClient helper) {
        this.s = services;
        this.helper = helper;
    }

    VmRecord stop(VmRecord r, VmBackend backend, Duration timeout) throws Exception {
        MachineHandle h = handle(r);
        if (h == null || backend.status(h).state() == MachineStatus.State.GONE) {
            return stopped(r);
        }
        s.store().update(r.withState("stopping", null));
        halt(r, backend, h, timeout);
        return stopped(r);
    }

    /** Poweroff (ssh, else the power button), then a hard stop after {@code timeout}; the row is the caller's business. */
    void halt(VmRecord r, VmBackend backend, MachineHandle h, Duration timeout) throws Exception {
        if (h == null || backend.status(h).state() == MachineStatus.State.GONE) {
            return;
        }
        try {
            GuestEndpoint at = GuestEndpoint.of(r);
            s.guest().exec(r.name(), at.host(), at.port(), List.of("sh", "-c", "sync; poweroff"), (s, d) -> { },
                    () -> false, Duration.ofSeconds(10));
        } catch (RuntimeException sshFailed) {
            LOG.info("{}: poweroff over ssh failed ({}); pressing the ACPI power button", r.name(), sshFailed.getMessage());
            try {
                backend.requestShutdown(h);
            } catch (Exception e) {
                LOG.info("{}: power button failed too ({})", r.name(), e.toString());
            }
        }
        if (!awaitGone(backend, h, timeout)) {
            LOG.info("{}: still running after {} s; stopping it hard", r.name(), timeout.toSeconds());
            backend.kill(h, "KILL");
            awaitGone(backend, h, Duration.ofSeconds(10));
        }
    }

    VmRecord kill(VmRecord r, VmBackend backend, String signal) throws Exception {
        MachineHandle h = handle(r);
        if (h != null && backend.status(h).state() != MachineStatus.State.GONE) {
            backend.kill(h, signal);
            awaitGone(backend, h, Duration.ofSeconds(10));
        }
        return stopped(r);
    }

    private VmRecord stopped(VmRecord r) throws Exception {
        RunDir.removeSockets(Path.of(r.runtime().runDir()));
        BridgeLink.downQuietly(s, r, helper);
        VmRecord stopped = r.withRuntime(r.runtime().withPid(null, null)).withState("stopped", null);
        s.store().update(stopped);
        return stopped;
    }

    static MachineHandle handle(VmRecord r) {
        var rt = r.runtime();
        if (rt.pid() == null || rt.controlSocket() == null) {
            return null;
        }
        return new MachineHandle(rt.backend(), rt.pid(), Path.of(rt.controlSocket()), Path.of(rt.runDir()));
    }

    static boolean awaitGone(VmBackend backend, MachineHandle h, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (backend.status(h).state() == MachineStatus.State.GONE) {
                return true;
            }
            Thread.sleep(100);
        }
        return backend.status(h).state() == MachineStatus.State.GONE;
    }
}
