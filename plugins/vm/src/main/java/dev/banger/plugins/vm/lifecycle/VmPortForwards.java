package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.PortForward;
import dev.banger.plugins.vm.api.VmForwards;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * vm.forward.*: 127.0.0.1 forwards beyond the ssh one. The row's {@code forwards} is the truth (the VMM gets
 * all of them at every launch); a running VM also gets the change at once, through the backend.
 */
public final class VmPortForwards {
    private final VmRuntimeServices s;

    public VmPortForwards(VmRuntimeServices services) {
        this.s = services;
    }

    public VmForwards list(String name) throws Exception {
        VmRecord r = new VmLifecycle(s).find(name);
        return result(r, null);
    }

    public VmForwards add(String name, int guestPort, Integer hostPort) throws Exception {
        return s.locks().with(name, () -> {
            // one allocation at a time across all VMs, from reading the held ports until the row records ours
            synchronized (LocalPorts.ALLOCATION) {
                VmRecord r = new VmLifecycle(s).find(name);
                if (GuestEndpoint.isBridge(r)) {
                    throw new RpcException(ErrorCode.CONFLICT, "VM " + name + " uses bridge networking: reach its ports at "
                            + r.runtime().ip() + " directly; forwards exist for user networking only");
                }
                int port = hostPort != null ? checkedHostPort(hostPort) : LocalPorts.free(LocalPorts.held(s.store().list()));
                VmRuntime.Forward added = new VmRuntime.Forward(port, guestPort);
                if (live(r)) {
                    new VmLifecycle(s).backend(r).addForward(VmStop.handle(r), port, guestPort);
                }
                List<VmRuntime.Forward> all = new ArrayList<>(r.runtime().forwards());
                all.add(added);
                VmRecord changed = r.withRuntime(r.runtime().withForwards(all));
                s.store().update(changed);
                return result(changed, added);
            }
        });
    }

    public VmForwards remove(String name, int hostPort) throws Exception {
        return s.locks().with(name, () -> {
            VmRecord r = new VmLifecycle(s).find(name);
            VmRuntime.Forward gone = r.runtime().forwards().stream().filter(f -> f.hostPort() == hostPort).findFirst()
                    .orElseThrow(() -> RpcException.notFound("VM " + name + " has no forward from 127.0.0.1:" + hostPort
                            + " (`banger vm forward list " + name + "` shows them)"));
            if (isSsh(r, gone)) {
                throw new RpcException(ErrorCode.CONFLICT, "127.0.0.1:" + hostPort + " is VM " + name
                        + "'s ssh forward, which banger itself uses (exec, ssh, stop); it cannot be removed");
            }
            if (live(r)) {
                new VmLifecycle(s).backend(r).removeForward(VmStop.handle(r), hostPort);
            }
            List<VmRuntime.Forward> rest = new ArrayList<>(r.runtime().forwards());
            rest.remove(gone);
            VmRecord changed = r.withRuntime(r.runtime().withForwards(rest));
            s.store().update(changed);
            return result(changed, gone);
        });
    }

    /** A port another VM's row holds is refused even when that VM is stopped: it binds the port again at its next start. */
    private int checkedHostPort(int port) throws Exception {
        if (LocalPorts.held(s.store().list()).contains(port)) {
            throw new RpcException(ErrorCode.CONFLICT, "127.0.0.1:" + port + " is already forwarded to a VM (`banger vm list` and "
                    + "`banger vm forward list NAME` show which)");
        }
        if (!LocalPorts.bindable(port)) {
            throw new RpcException(ErrorCode.CONFLICT, "127.0.0.1:" + port + " cannot be bound on this host (something listens there,"
                    + " or it is below 1024); pick another --host-port or leave it out");
        }
        return port;
    }

    /** Only a VMM that is up takes the change now; any other state only records it for the next launch. */
    private static boolean live(VmRecord r) {
        MachineHandle h = VmStop.handle(r);
        return h != null && r.state().equals("running");
    }

    private static boolean isSsh(VmRecord r, VmRuntime.Forward f) {
        return r.runtime().sshPort() != null && f.hostPort() == r.runtime().sshPort();
    }

    private static VmForwards result(VmRecord r, VmRuntime.Forward changed) {
        return new VmForwards(r.name(), changed == null ? null : view(r, changed), r.runtime().forwards().stream().map(f -> view(r, f)).toList());
    }

    private static PortForward view(VmRecord r, VmRuntime.Forward f) {
        return new PortForward(f.hostPort(), f.guestPort(), isSsh(r, f));
    }
}
