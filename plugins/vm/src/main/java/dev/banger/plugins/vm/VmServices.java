package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.PluginHome;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.backend.firecracker.FirecrackerBackend;
import dev.banger.plugins.vm.backend.qemu.QemuBackend;
import dev.banger.plugins.vm.lifecycle.BackendChooser;
import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.lifecycle.GuestEndpoint;
import dev.banger.plugins.vm.lifecycle.VmLocks;
import dev.banger.plugins.vm.lifecycle.VmPaths;
import dev.banger.plugins.vm.lifecycle.VmRemoval;
import dev.banger.plugins.vm.lifecycle.VmRuntimeServices;
import dev.banger.plugins.vm.ssh.SshConfigFile;
import dev.banger.plugins.vm.net.BridgeNetwork;
import dev.banger.plugins.vm.net.BridgeSettings;
import dev.banger.plugins.vm.net.dns.VmDnsServer;
import dev.banger.plugins.vm.net.dns.VmZone;
import dev.banger.plugins.vm.ssh.SshGuestAccess;
import dev.banger.plugins.vm.store.VmStore;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The vm plugin's long-lived parts, created when the daemon starts (the family's start hook) or on
 * first use: the store, backends, ssh, the bridge network and the .vm DNS listener. Creating them
 * undoes or finishes what a killed daemon left half done, re-attaches to running VMs (with the start
 * hook's helper) and starts watching their VMMs. Calls wait for that ({@link #of} is synchronized).
 */
final class VmServices implements VmRuntimeServices {
    /** Only these have a VMM whose guest owns the address; a stopped VM's name does not resolve. */
    private static final Set<String> RESOLVABLE = Set.of("starting", "running");
    private static VmServices instance;

    private final VmStore store;
    private final VmPaths paths;
    private final SshGuestAccess guest;
    private final BackendChooser backends;
    private final VmRemoval removal;
    private final VmLocks locks = new VmLocks();
    private final BridgeNetwork bridge;
    private final VmDnsServer dns;

    private VmServices(CallContext ctx) throws Exception {
        PluginHome home = ctx.home();
        BridgeSettings settings = BridgeSettings.from(home.config());
        this.store = VmStore.open(home);
        this.paths = new VmPaths(home.dataDir().resolve("vms"), home.runtimeDir());
        this.guest = new SshGuestAccess(home.dataDir().resolve("ssh"), settings.netns());
        List<VmBackend> all = List.of(QemuBackend.forThisHost(settings.netns()), new FirecrackerBackend(settings.netns()));
        this.backends = new BackendChooser(all);
        this.removal = new VmRemoval(this);
        this.dns = VmDnsServer.start(settings.dnsPort(), new VmZone(this::bridgeAddress), home.runtimeDir().resolve("dns.port"));
        this.bridge = new BridgeNetwork(settings, dns::port);
        dev.banger.plugins.vm.lifecycle.VmStartup.reattach(this, ctx.helper());
        dev.banger.plugins.vm.lifecycle.VmmWatch.start(this, ctx.helper(), 1000);
    }

    static synchronized VmServices of(CallContext ctx) throws Exception {
        if (instance == null) {
            instance = new VmServices(ctx);
        }
        return instance;
    }

    private Optional<String> bridgeAddress(String name) {
        try {
            return store.find(name).filter(GuestEndpoint::isBridge).filter(r -> RESOLVABLE.contains(r.state()))
                    .map(r -> r.runtime().ip());
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("vm store: " + e.getMessage(), e));
        }
    }

    VmDnsServer dns() {
        return dns;
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

    @Override
    public BridgeNetwork bridge() {
        return bridge;
    }
}
