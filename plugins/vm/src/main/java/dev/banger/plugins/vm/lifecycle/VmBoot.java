package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Starts a VM's VMM and waits until the guest is ready: it said BANGER_READY on its console and
 * its sshd answers. A VMM that exits or pauses on an error ends the wait at once, with the log to read.
 */
final class VmBoot {
    private final VmRuntimeServices s;

    VmBoot(VmRuntimeServices services) {
        this.s = services;
    }

    /** {@code bootingState} is what the row says meanwhile: {@code creating} inside a create, {@code starting} otherwise. */
    VmRecord boot(VmRecord r, VmBackend backend, OperationProgress progress, Duration readyTimeout, String bootingState) throws Exception {
        progress.stage("boot");
        Files.createDirectories(s.paths().run(r.runtime().id()));
        var spec = MachineSpecs.of(r, s.paths(), s.store().lease(r.name()), s.bridge());
        ConsoleWatch console = new ConsoleWatch(spec.runDir().resolve("console.log"));
        MachineHandle h = backend.launch(spec);
        VmRecord starting = r.withRuntime(r.runtime().withPid(h.pid(), h.controlSocket().toString())).withState(bootingState, null);
        s.store().update(starting);
        progress.stage("wait for guest");
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (!console.ready()) {
            progress.checkCancelled();
            MachineStatus status = backend.status(h);
            if (status.state() == MachineStatus.State.GONE || status.state() == MachineStatus.State.SHUTDOWN) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "the VM " + r.name() + " stopped while booting (" + status.detail()
                        + "); see `banger vm logs " + r.name() + "`");
            }
            if (status.state() == MachineStatus.State.PAUSED_ON_ERROR) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "the VM " + r.name() + " hit an emulation error and was paused ("
                        + status.detail() + "); see `banger vm logs " + r.name() + "`");
            }
            if (System.nanoTime() > deadline) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "the guest of " + r.name() + " did not announce readiness within "
                        + readyTimeout.toSeconds() + " s; see `banger vm logs " + r.name() + "`");
            }
            Thread.sleep(100);
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(5).toNanos()));
        GuestEndpoint at = GuestEndpoint.of(r);
        s.guest().awaitSsh(r.name(), at.host(), at.port(), left, progress::cancelled);
        VmRecord running = starting.withState("running", null);
        s.store().update(running);
        return running;
    }
}
