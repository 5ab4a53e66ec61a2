package dev.banger.plugins.vm.backend.firecracker;

import dev.banger.plugins.vm.backend.Applicability;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.Capabilities;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.ProcessIdentity;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.net.NetnsEntry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The firecracker backend: raw disks, tap networking (no user-mode networking), configured through
 * its REST API. It does not apply on these machines (no firecracker binary); its API use is proven
 * against the spec-enforcing fake in the tests.
 */
public final class FirecrackerBackend implements VmBackend {
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);
    private final FirecrackerLauncher launcher;
    private final NetnsEntry netns;

    public FirecrackerBackend() {
        this(NetnsEntry.none());
    }

    /** @param netns where its VMs run ({@code [vm] netns}): firecracker VMs are always bridge VMs, their tap is in there */
    public FirecrackerBackend(NetnsEntry netns) {
        this(FirecrackerLauncher.onPath(), netns);
    }

    public FirecrackerBackend(FirecrackerLauncher launcher) {
        this(launcher, NetnsEntry.none());
    }

    public FirecrackerBackend(FirecrackerLauncher launcher, NetnsEntry netns) {
        this.launcher = launcher;
        this.netns = netns;
    }

    @Override
    public String name() {
        return "firecracker";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Set.of("bridge"), Set.of("raw"), false, true);
    }

    @Override
    public Applicability applicability() {
        return launcher.applicable();
    }

    /** setsid (outlives the daemon) + nsenter when confined to a namespace + the firecracker command line. */
    List<String> launchArgv(MachineSpec spec, Path socket) {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(netns.wrap(launcher.argv(socket, spec.name())));
        return argv;
    }

    @Override
    public MachineHandle launch(MachineSpec spec) throws Exception {
        Path socket = spec.runDir().resolve("firecracker.sock");
        Process p = new ProcessBuilder(launchArgv(spec, socket)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(spec.runDir().resolve("console.log").toFile()).redirectErrorStream(true).start();
        FirecrackerLauncher.awaitApiSocket(socket, p.toHandle(), API_TIMEOUT);
        new FirecrackerMachine(api(socket)).boot(toFirecracker(spec));
        return new MachineHandle(name(), p.pid(), socket, spec.runDir());
    }

    static FirecrackerVmSpec toFirecracker(MachineSpec spec) {
        List<FirecrackerVmSpec.Drive> drives = new ArrayList<>();
        for (MachineSpec.Disk d : spec.disks()) {
            if (!d.format().equals("raw")) {
                throw new RpcException(ErrorCode.BAD_REQUEST, "firecracker takes raw disks only; " + d.id() + " is " + d.format());
            }
            drives.add(new FirecrackerVmSpec.Drive(d.id(), d.path(), d.readOnly(), drives.isEmpty()));
        }
        List<FirecrackerVmSpec.NetworkInterface> nics = spec.tap() == null ? List.of()
                : List.of(new FirecrackerVmSpec.NetworkInterface("eth0", spec.tap(), spec.guestMac()));
        return new FirecrackerVmSpec(spec.vcpu(), spec.memoryMib(), spec.kernel(), spec.initrd(),
                "console=ttyS0 panic=-1 " + spec.kernelArgs(), drives, nics, null);
    }

    @Override
    public MachineStatus status(MachineHandle h) {
        if (!ProcessIdentity.isRunning(h.pid(), "firecracker") || !Files.exists(h.controlSocket())) {
            return new MachineStatus(MachineStatus.State.GONE, "firecracker (pid " + h.pid() + ") is not running");
        }
        InstanceInfo info = new FirecrackerMachine(api(h.controlSocket())).describe();
        return new MachineStatus(info.isRunning() ? MachineStatus.State.RUNNING : MachineStatus.State.SHUTDOWN, info.state());
    }

    @Override
    public void requestShutdown(MachineHandle h) {
        new FirecrackerMachine(api(h.controlSocket())).shutdown();
    }

    @Override
    public void kill(MachineHandle h, String signal) throws Exception {
        if (ProcessIdentity.isRunning(h.pid(), "firecracker")) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(h.pid())).start().waitFor();
        }
    }

    @Override
    public Path consoleLog(MachineHandle h) {
        return h.runDir().resolve("console.log");
    }

    private static FirecrackerApi api(Path socket) {
        return new FirecrackerApi(new UnixHttpClient(socket, API_TIMEOUT));
    }
}
