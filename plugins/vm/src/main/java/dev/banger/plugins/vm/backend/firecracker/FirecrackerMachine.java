package dev.banger.plugins.vm.backend.firecracker;

import dev.banger.plugins.vm.backend.firecracker.FirecrackerRequests.Action;
import java.nio.file.Path;

/**
 * One Firecracker process, driven through its API socket. {@link #configure} sends the pre-boot
 * configuration in a fixed order (machine, boot source, drives, network interfaces, vsock): every
 * one of these is "pre-boot only" in Firecracker's API, so all of them must land before
 * {@link #start}, and the first refusal stops the sequence with Firecracker's own message.
 */
public final class FirecrackerMachine {
    private final FirecrackerApi api;

    public FirecrackerMachine(FirecrackerApi api) {
        this.api = api;
    }

    /** Configures and boots: the usual way to bring a VM up. */
    public void boot(FirecrackerVmSpec spec) {
        configure(spec);
        start();
    }

    public void configure(FirecrackerVmSpec spec) {
        api.put("/machine-config", new FirecrackerRequests.MachineConfig(spec.vcpuCount(), spec.memoryMib()));
        api.put("/boot-source", new FirecrackerRequests.BootSource(
                spec.kernel().toString(), pathOrNull(spec.initrd()), spec.bootArgs()));
        for (FirecrackerVmSpec.Drive drive : spec.drives()) {
            api.put("/drives/" + drive.id(), new FirecrackerRequests.Drive(
                    drive.id(), drive.path().toString(), drive.root(), drive.readOnly()));
        }
        for (FirecrackerVmSpec.NetworkInterface nic : spec.networkInterfaces()) {
            api.put("/network-interfaces/" + nic.id(), new FirecrackerRequests.NetworkInterface(
                    nic.id(), nic.tapName(), nic.guestMac()));
        }
        if (spec.vsock() != null) {
            api.put("/vsock", new FirecrackerRequests.Vsock(spec.vsock().guestCid(), spec.vsock().udsPath().toString()));
        }
    }

    public void start() {
        api.put("/actions", Action.INSTANCE_START);
    }

    /**
     * Asks the guest to shut down by sending Ctrl-Alt-Del (the only graceful signal Firecracker has).
     * The caller still waits for the process to exit and kills it after a grace period: some guests
     * (Debian's default) map Ctrl-Alt-Del to a reboot, which under Firecracker ends the process too.
     */
    public void shutdown() {
        api.put("/actions", Action.SEND_CTRL_ALT_DEL);
    }

    public InstanceInfo describe() {
        return api.get("/", InstanceInfo.class);
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toString();
    }
}
