package dev.banger.plugins.vm;

import dev.banger.kernel.api.PluginHome;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.backend.firecracker.FirecrackerBackend;
import dev.banger.plugins.vm.backend.qemu.QemuBackend;
import dev.banger.plugins.vm.lifecycle.BackendChooser;
import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.lifecycle.VmLocks;
import dev.banger.plugins.vm.lifecycle.VmPaths;
import dev.banger.plugins.vm.lifecycle.VmRemoval;
import dev.banger.plugins.vm.lifecycle.VmRuntimeServices;
import dev.banger.plugins.vm.ssh.SshConfigFile;
import dev.banger.plugins.vm.ssh.SshGuestAccess;
import dev.banger.plugins.vm.store.VmStore;
import java.util.List;

/**
 * The vm plugin's long-lived parts, created when the daemon starts (the family's start hook) or on
 * first use: creating them undoes or finishes what a killed daemon left half done, re-attaches to
 * running VMs and starts watching their VMMs. Calls wait for that ({@link #of} is synchronized).
 */
final class VmServices implements VmRuntimeServices {
    private static VmServices instance;

    private final VmStore store;
    private final VmPaths paths;
    private final SshGuestAccess guest;
    private final BackendChooser backends;
    private final VmRemoval removal;
    private final VmLocks locks = new VmLocks();

    private VmServices(PluginHome home) throws Exception {
        this.store = VmStore.open(home);
        this.paths = new VmPaths(home.dataDir().resolve("vms"), home.runtimeDir());
        this.guest = new SshGuestAccess(home.dataDir().resolve("ssh"));
        List<VmBackend> all = List.of(QemuBackend.forThisHost(), new FirecrackerBackend());
        this.backends = new BackendChooser(all);
        this.removal = new VmRemoval(store, guest);
        dev.banger.plugins.vm.lifecycle.VmStartup.reattach(this);
        dev.banger.plugins.vm.lifecycle.VmmWatch.start(this, 1000);
    }

    static synchronized VmServices of(PluginHome home) throws Exception {
        if (instance == null) {
            instance = new VmServices(home);
        }
        return instance;
    }

    @Override
    public VmStore store() {
        return store;
    }

    @Override
    public VmPaths paths() {
        return paths;
    }

    @Override
    public GuestAccess guest() {
        return guest;
    }

    /** The ssh config for {@code ssh NAME.vm}; belongs to the ssh side, not to the lifecycle. */
    SshConfigFile sshConfig() {
        return guest.sshConfig();
    }

    @Override
    public BackendChooser backends() {
        return backends;
    }

    @Override
    public VmRemoval removal() {
        return removal;
    }

    @Override
    public VmLocks locks() {
        return locks;
    }
}
