package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmHealth;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.store.VmRecord;
import java.time.Duration;
import java.util.Locale;

/**
 * vm.health: asks the VMM (through the backend) and the guest's sshd, independently of the recorded state,
 * so a VM that says running but whose guest hung shows it. Takes no lock: it only reads, and must not wait
 * behind a slow start or stop.
 */
public final class VmHealthCheck {
    /** One banner attempt (connect 1 s + read 2 s) fits; a health check must answer quickly. */
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(2);
    private final VmRuntimeServices s;

    public VmHealthCheck(VmRuntimeServices services) {
        this.s = services;
    }

    public VmHealth check(String name) throws Exception {
        VmLifecycle lifecycle = new VmLifecycle(s);
        VmRecord r = lifecycle.find(name);
        MachineHandle h = VmStop.handle(r);
        if (h == null) {
            return new VmHealth(name, r.state(), "none", false);
        }
        MachineStatus status = lifecycle.backend(r).status(h);
        boolean ssh = status.state() == MachineStatus.State.RUNNING && sshAnswers(r);
        return new VmHealth(name, r.state(), describe(status), ssh);
    }

    /** e.g. {@code running}, {@code paused_on_error: guest-panicked}, {@code gone: process 12 is not this VM's qemu}. */
    static String describe(MachineStatus status) {
        String state = status.state().name().toLowerCase(Locale.ROOT);
        return status.detail() == null || status.detail().equals(state) ? state : state + ": " + status.detail();
    }

    private boolean sshAnswers(VmRecord r) {
        try {
            s.guest().awaitSsh(r.name(), GuestEndpoint.of(r).host(), GuestEndpoint.of(r).port(), SSH_TIMEOUT, () -> false);
            return true;
        } catch (RpcException noBanner) {
            return false;
        }
    }
}
