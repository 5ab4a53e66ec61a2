package dev.banger.plugins.vm.backend.qemu;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.backend.Applicability;
import dev.banger.plugins.vm.backend.Capabilities;
import dev.banger.plugins.vm.backend.MachineHandle;
import dev.banger.plugins.vm.backend.MachineSpec;
import dev.banger.plugins.vm.backend.MachineStatus;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.net.NetnsEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qemu-system-x86_64 -M microvm}: the backend that runs on any Linux host with QEMU, with KVM
 * where the host has real hardware virtualisation and TCG elsewhere. Control goes through QMP; the
 * pid is only ever used after {@link QemuProcessCheck} has confirmed it is still this machine's QEMU.
 */
public final class QemuBackend implements VmBackend {
    public static final String NAME = "qemu";
    /** Above firecracker: qemu runs on more hosts (TCG, qcow2 overlays, no tap needed for user networking). */
    public static final int PRIORITY = 100;
    private static final Duration QMP_TIMEOUT = Duration.ofSeconds(5);

    private final QemuHost host;
    private final QemuProcessCheck processes;
    private final Duration startTimeout;
    private final NetnsEntry bridgeNetns;

    public QemuBackend(QemuHost host, QemuProcessCheck processes, Duration startTimeout) {
        this(host, processes, startTimeout, NetnsEntry.none());
    }

    /** @param bridgeNetns where bridge VMs' QEMU runs (their tap is in there); user-networking VMs always run in ours */
    public QemuBackend(QemuHost host, QemuProcessCheck processes, Duration startTimeout, NetnsEntry bridgeNetns) {
        this.host = host;
        this.processes = processes;
        this.startTimeout = startTimeout;
        this.bridgeNetns = bridgeNetns;
    }

    public static QemuBackend forThisHost() {
        return forThisHost(NetnsEntry.none());
    }

    public static QemuBackend forThisHost(NetnsEntry bridgeNetns) {
        return new QemuBackend(QemuHost.probe(), new QemuProcessCheck(), Duration.ofSeconds(10), bridgeNetns);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Set.of("user", "bridge"), Set.of("qcow2", "raw"), true, false);
    }

    @Override
    public Applicability applicability() {
        if (host.qemu().isEmpty()) {
            return Applicability.no(QemuHost.QEMU_BINARY + " not found");
        }
        if (host.setsid().isEmpty()) {
            return Applicability.no("setsid (util-linux) not found; it keeps VMs running across daemon restarts");
        }
        return Applicability.yes(host.accelerator().reason());
    }

    @Override
    public MachineHandle launch(MachineSpec spec) throws IOException, InterruptedException {
        Applicability applicability = applicability();
        if (!applicability.applicable()) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "qemu backend cannot run here: " + applicability.reason());
        }
        QemuRunDir run = new QemuRunDir(spec.runDir());
        var argv = new QemuArgs(host.qemu().get(), host.accelerator(), host.tscKhz()).build(spec);
        if ("bridge".equals(spec.networkMode())) {
            // user networking's forwards listen on 127.0.0.1 and must stay in the daemon's namespace
            argv = bridgeNetns.wrap(argv);
        }
        long pid = new QemuLauncher(host.setsid().get(), startTimeout).launch(argv, run);
        return new MachineHandle(NAME, pid, run.qmpSocket(), run.dir());
    }

    @Override
    public MachineStatus status(MachineHandle handle) {
        if (processes.find(handle.pid(), handle.controlSocket()).isEmpty()) {
            if (processes.exiting(handle.pid())) {
                return new MachineStatus(MachineStatus.State.SHUTDOWN, "qemu " + handle.pid() + " is exiting");
            }
            return new MachineStatus(MachineStatus.State.GONE, "process " + handle.pid() + " is not this VM's qemu");
        }
        try (QmpClient qmp = QmpClient.connect(handle.controlSocket(), QMP_TIMEOUT)) {
            return QemuRunState.toStatus(qmp.queryStatus());
        } catch (IOException e) {
            // alive and ours, but QMP is busy (another session) or stuck: still not gone
            return new MachineStatus(MachineStatus.State.RUNNING, "qmp did not answer: " + e.getMessage());
        }
    }

    /** QEMU writes {@code qemu.pid} itself before it opens any socket, so it is there even if the daemon died right after. */
    @Override
    public Optional<MachineHandle> launchedIn(Path runDir) {
        QemuRunDir run = new QemuRunDir(runDir);
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(run.pidFile()).strip());
            return Optional.of(new MachineHandle(NAME, pid, run.qmpSocket(), runDir));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    /** The pid check alone: no QMP session, which would compete with a forward change or a boot wait. */
    @Override
    public boolean alive(MachineHandle handle) {
        return processes.find(handle.pid(), handle.controlSocket()).isPresent();
    }

    /**
     * {@code system_powerdown}: an ACPI power-button press. The guest must handle it (acpid, or
     * systemd-logind with the button driver loaded); a guest that ignores it keeps running, so the
     * caller waits and then falls back to {@link #kill}.
     */
    @Override
    public void requestShutdown(MachineHandle handle) throws IOException {
        try (QmpClient qmp = sessionWith(handle)) {
            qmp.systemPowerdown();
        }
    }

    /**
     * Sends {@code TERM} (QEMU exits at once, like QMP {@code quit}) or {@code KILL}. A machine already
     * gone is not an error: the caller wanted it gone. The signal goes through the {@link ProcessHandle}
     * that passed the check, and the JDK refuses to signal a handle whose start time no longer matches.
     */
    @Override
    public void kill(MachineHandle handle, String signal) {
        boolean force = switch (signal.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "")) {
            case "TERM" -> false;
            case "KILL" -> true;
            default -> throw RpcException.badRequest("qemu backend: signal " + signal + " is not TERM or KILL");
        };
        Optional<ProcessHandle> process = processes.find(handle.pid(), handle.controlSocket());
        process.ifPresent(p -> {
            if (force) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        });
    }

    @Override
    public void addForward(MachineHandle handle, int hostPort, int guestPort) throws IOException {
        try (QmpClient qmp = sessionWith(handle)) {
            qmp.addHostForward(QemuArgs.NETDEV_ID, hostPort, guestPort);
        }
    }

    @Override
    public void removeForward(MachineHandle handle, int hostPort) throws IOException {
        try (QmpClient qmp = sessionWith(handle)) {
            qmp.removeHostForward(QemuArgs.NETDEV_ID, hostPort);
        }
    }

    @Override
    public Path consoleLog(MachineHandle handle) {
        return new QemuRunDir(handle.runDir()).consoleLog();
    }

    /** A QMP session with this machine's QEMU; refused with NOT_RUNNING when the pid is no longer it. */
    private QmpClient sessionWith(MachineHandle handle) throws IOException {
        if (processes.find(handle.pid(), handle.controlSocket()).isEmpty()) {
            throw new RpcException(ErrorCode.NOT_RUNNING, "vm process " + handle.pid() + " is not running");
        }
        return QmpClient.connect(handle.controlSocket(), QMP_TIMEOUT);
    }
}
