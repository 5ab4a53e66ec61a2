package dev.banger.plugins.vm.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.banger.kernel.api.PluginHome;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.backend.Applicability;
import dev.banger.plugins.vm.backend.Capabilities;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.net.BridgeNetwork;
import dev.banger.plugins.vm.net.BridgeSettings;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import dev.banger.plugins.vm.store.VmSpec;
import dev.banger.plugins.vm.store.VmStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The lifecycle classes against a real vm store in a temp dir, with a backend and guest access that only
 * record what they were asked: the row logic (states, forwards, ports) without booting anything.
 */
final class FakeVmWorld implements VmRuntimeServices {
    final Path dir;
    final VmStore store;
    final RecordingBackend backend = new RecordingBackend();
    private final VmPaths paths;
    private final GuestAccess guest = new SilentGuest();
    private final VmLocks locks = new VmLocks();
    private final BridgeNetwork bridge = new BridgeNetwork(BridgeSettings.from(JsonNodeFactory.instance.objectNode()), () -> 5353);

    FakeVmWorld(Path dir) throws Exception {
        this.dir = dir;
        this.store = VmStore.open(new TempHome(dir));
        this.paths = new VmPaths(dir.resolve("vms"), dir.resolve("run"));
    }

    /** A VM row in {@code state}; running ones get a pid and socket (the backend says RUNNING to any of them). */
    VmRecord put(String name, String state, int sshPort, VmRuntime.Forward... extra) throws Exception {
        boolean running = state.equals("running");
        List<VmRuntime.Forward> forwards = new ArrayList<>(List.of(new VmRuntime.Forward(sshPort, 22)));
        forwards.addAll(List.of(extra));
        Path disks = Files.createDirectories(paths.disks(name));
        Path run = Files.createDirectories(paths.run(name));
        VmRuntime rt = new VmRuntime(name, RecordingBackend.NAME, running ? 4242L : null, running ? run.resolve("qmp.sock").toString() : null,
                run.toString(), disks.toString(), sshPort, "10.0.2.15", "52:54:00:00:00:01", forwards, "/img/rootfs.ext4", "/k/vmlinuz", null,
                "/sbin/init");
        VmRecord r = new VmRecord(name, state, new VmSpec("debian-bookworm", "debian-cloud", 2, 1024, 1L << 30, "user", false), rt,
                Instant.now(), Instant.now(), null);
        store.insert(r);
        return r;
    }

    VmRecord row(String name) throws Exception {
        return store.find(name).orElseThrow();
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

    @Override
    public BackendChooser backends() {
        return new BackendChooser(List.of(backend));
    }

    @Override
    public VmRemoval removal() {
        return new VmRemoval(this);
    }

    @Override
    public BridgeNetwork bridge() {
        return bridge;
    }

    @Override
    public VmLocks locks() {
        return locks;
    }

    /** Records forward changes; every machine it is asked about is running. */
    static final class RecordingBackend implements VmBackend {
        static final String NAME = "fake";
        final List<String> calls = new ArrayList<>();
        /** Set to false to have every VMM "die" (status GONE). */
        volatile boolean vmmAlive = true;
        /** Set to say every machine is gone (its VMM died). */
        volatile boolean gone;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(Set.of("user", "bridge"), Set.of("raw"), true, false);
        }

        @Override
        public Applicability applicability() {
            return Applicability.yes("test");
        }

        @Override
        public MachineHandle launch(MachineSpec spec) {
            throw new UnsupportedOperationException("no boots in unit tests");
        }

        @Override
        public MachineStatus status(MachineHandle handle) {
            return vmmAlive && !gone ? new MachineStatus(MachineStatus.State.RUNNING, "running") : new MachineStatus(MachineStatus.State.GONE, "gone");
        }

        @Override
        public void requestShutdown(MachineHandle handle) {
            calls.add("powerdown");
        }

        @Override
        public void kill(MachineHandle handle, String signal) {
            calls.add("kill " + signal + " " + handle.pid());
            vmmAlive = false;
        }

        @Override
        public java.util.Optional<MachineHandle> launchedIn(Path runDir) {
            Path pidFile = runDir.resolve("qemu.pid");
            try {
                return java.util.Optional.of(new MachineHandle(NAME, Long.parseLong(Files.readString(pidFile).strip()), runDir.resolve("qmp.sock"), runDir));
            } catch (java.io.IOException | NumberFormatException none) {
                return java.util.Optional.empty();
            }
        }

        @Override
        public void addForward(MachineHandle handle, int hostPort, int guestPort) {
            calls.add("add " + hostPort + "->" + guestPort);
        }

        @Override
        public void removeForward(MachineHandle handle, int hostPort) {
            calls.add("remove " + hostPort);
        }

        @Override
        public Path consoleLog(MachineHandle handle) {
            return handle.runDir().resolve("console.log");
        }
    }

    /** No guest answers: ssh never sends a banner. */
    private static final class SilentGuest implements GuestAccess {
        @Override
        public String publicKey() {
            return "ssh-ed25519 AAAA test";
        }

        @Override
        public void trust(String vm, String host, int port, String hostKeyLine) {
        }

        @Override
        public void forget(String vm) {
        }

        @Override
        public void awaitSsh(String vm, String host, int port, Duration timeout, BooleanSupplier cancelled) {
            throw new dev.banger.kernel.api.wire.RpcException(dev.banger.kernel.api.wire.ErrorCode.OPERATION_FAILED, "no banner");
        }

        @Override
        public int exec(String vm, String host, int port, List<String> argv, BiConsumer<String, String> output, BooleanSupplier cancelled,
                        Duration timeout) {
            throw new UnsupportedOperationException("no guest in unit tests");
        }

        @Override
        public int pipe(String vm, String host, int port, List<String> argv, Path stdin, java.io.OutputStream stdout,
                        StringBuilder stderr, BooleanSupplier cancelled, Duration timeout) {
            throw new UnsupportedOperationException("no guest in unit tests");
        }

        @Override
        public SshInfo info(String vm, String host, int port) {
            throw new UnsupportedOperationException("no guest in unit tests");
        }
    }

    private record TempHome(Path dir) implements PluginHome {
        @Override
        public String pluginId() {
            return "vm";
        }

        @Override
        public Path dataDir() {
            return dir;
        }

        @Override
        public Path cacheDir() {
            return dir.resolve("cache");
        }

        @Override
        public Path runtimeDir() {
            return dir.resolve("run");
        }

        @Override
        public JsonNode config() {
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public <T> T config(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
