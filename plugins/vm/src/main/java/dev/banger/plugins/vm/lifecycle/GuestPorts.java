package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.GuestPort;
import dev.banger.plugins.vm.store.VmRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** vm.ports: the guest's listening TCP and UDP sockets, from {@code ss} (iproute2) run over the exec path. */
public final class GuestPorts {
    /** -H no header, -l listening, -t tcp, -u udp, -n numeric, -p owning process (root sees all). */
    static final List<String> SS = List.of("ss", "-H", "-ltnup");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final VmRuntimeServices s;

    public GuestPorts(VmRuntimeServices services) {
        this.s = services;
    }

    public List<GuestPort> list(String name, BooleanSupplier cancelled) throws Exception {
        VmRecord r = RunningVm.require(new VmLifecycle(s).find(name));
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        int code = s.guest().exec(r.name(), GuestEndpoint.of(r).host(), GuestEndpoint.of(r).port(), SS,
                (stream, data) -> (stream.equals("stderr") ? stderr : stdout).append(data), cancelled, TIMEOUT);
        if (code != 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "`ss -H -ltnup` in VM " + name + " exited with " + code + ": " + stderr.toString().strip());
        }
        return SsListeners.parse(stdout.toString());
    }
}
