package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.HelperClient;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a VMM that died under a running VM (killed, crashed, or the guest powered off by itself)
 * and records it at once, so `vm list` tells the truth without anyone touching that VM. VMMs are not
 * children of a restarted daemon, so there is no exit to wait for: each running VM's pid is checked
 * every second (a /proc read, no QMP session), and a death is recorded once two sweeps agree.
 */
public final class VmmWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.vm");
    private final VmRuntimeServices s;
    private final HelperClient helper;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vm-vmm-watch");
        t.setDaemon(true);
        return t;
    });

    /** VM name → the pid seen dead by the last sweep: a death is recorded only when two sweeps in a row agree. */
    private final java.util.Map<String, Long> suspects = new java.util.concurrent.ConcurrentHashMap<>();

    private VmmWatch(VmRuntimeServices services, HelperClient helper) {
        this.s = services;
        this.helper = helper;
    }

    /** {@code helper} takes a dead bridge VM's tap and NAT rule down (the start hook's; null-safe for user networking). */
    public static VmmWatch start(VmRuntimeServices services, HelperClient helper, long periodMillis) {
        VmmWatch w = new VmmWatch(services, helper);
        w.timer.scheduleWithFixedDelay(w::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return w;
    }

    void sweep() {
        try {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (VmRecord r : s.store().list()) {
                seen.add(r.name());
                if (!r.state().equals("running") || r.runtime().pid() == null || alive(r)) {
                    suspects.remove(r.name());
                } else if (r.runtime().pid().equals(suspects.put(r.name(), r.runtime().pid()))) {
                    // dead at two sweeps a second apart: not a glitch in one /proc read
                    suspects.remove(r.name());
                    recordExit(r.name());
                }
            }
            suspects.keySet().retainAll(seen);
        } catch (Exception | LinkageError e) {
            LOG.warn("VMM watch sweep failed: {}", e.toString());
        }
    }

    private boolean alive(VmRecord r) {
        MachineHandle h = VmStop.handle(r);
        VmBackend backend = s.backends().byName(r.runtime().backend()).orElse(null);
        return h == null || backend == null || backend.alive(h);
    }

    /** Under the VM's lock, and only if nobody changed the row meanwhile (a stop or kill records its own outcome). */
    private void recordExit(String name) throws Exception {
        ReentrantLock lock = s.locks().of(name);
        if (!lock.tryLock()) {
            return; // a call is working on this VM; it sees the dead VMM itself, or the next sweep does
        }
        try {
            VmRecord r = s.store().find(name).orElse(null);
            if (r == null || !r.state().equals("running") || r.runtime().pid() == null || alive(r)) {
                return;
            }
            Path runDir = Path.of(r.runtime().runDir());
            String why = VmmExit.unexpected(name, r.runtime().pid(), runDir.resolve("console.log"));
            RunDir.removeSockets(runDir);
            BridgeLink.downQuietly(s, r, helper);
            s.store().update(r.withRuntime(r.runtime().withPid(null, null)).withState("stopped", why));
            LOG.atInfo().addKeyValue("vm", name).addKeyValue("pid", r.runtime().pid())
                    .log(why == null ? "VM {} powered off by itself; marked stopped" : "VMM of VM {} died; marked stopped: " + why, name);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
