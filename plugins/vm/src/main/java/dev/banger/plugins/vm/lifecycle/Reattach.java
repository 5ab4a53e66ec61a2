package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At daemon start: VMs whose VMM is alive (checked by pid and control socket, never by name) stay
 * running; VMs whose VMM died meanwhile become stopped and their sockets, tap and NAT rules are cleaned
 * up (a bridge VM keeps its address and known_hosts entry, like a stopped one: `vm start` reuses them).
 */
final class Reattach {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");

    private Reattach() {
    }

    static void run(VmRuntimeServices s, HelperClient helper) throws Exception {
        for (VmRecord r : s.store().list()) {
            MachineHandle h = VmStop.handle(r);
            if (h == null) {
                continue;
            }
            VmBackend backend = s.backends().byName(r.runtime().backend()).orElse(null);
            MachineStatus status = backend == null ? new MachineStatus(MachineStatus.State.GONE, "no backend") : backend.status(h);
            switch (status.state()) {
                case RUNNING -> {
                    if (!r.state().equals("running")) {
                        s.store().update(r.withState("running", null));
                    }
                    LOG.info("re-attached to VM {} (pid {})", r.name(), h.pid());
                }
                case PAUSED_ON_ERROR -> s.store().update(r.withState("error", "the VMM paused on an error: " + status.detail()));
                default -> {
                    Path runDir = Path.of(r.runtime().runDir());
                    // a VM that was running and lost its VMM says why; one that was starting or stopping just stopped
                    String why = r.state().equals("running") ? VmmExit.unexpected(r.name(), h.pid(), runDir.resolve("console.log")) : null;
                    RunDir.removeSockets(runDir);
                    BridgeLink.downQuietly(s, r, helper);
                    s.store().update(r.withRuntime(r.runtime().withPid(null, null)).withState("stopped", why));
                    LOG.info("VM {} stopped while the daemon was away; marked stopped", r.name());
                }
            }
        }
    }
}
