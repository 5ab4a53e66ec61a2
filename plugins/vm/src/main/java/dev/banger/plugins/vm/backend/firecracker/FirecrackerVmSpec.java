package dev.banger.plugins.vm.backend.firecracker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one Firecracker microVM is made of, in banger's terms. Disks must be raw images: see
 * {@link dev.banger.plugins.vm.disk.RawDiskCloner} for why banger hands Firecracker a copy rather than a qcow2 overlay.
 *
 * @param initrd    null when the kernel boots the root drive directly
 * @param vsock     null for a VM without a host↔guest vsock channel
 */
public record FirecrackerVmSpec(int vcpuCount, int memoryMib, Path kernel, Path initrd, String bootArgs,
                                List<Drive> drives, List<NetworkInterface> networkInterfaces, Vsock vsock) {

    /** Firecracker's limits (machine-config: vcpu_count in [1, 32]); checked here so the error names banger's field. */
    public FirecrackerVmSpec {
        if (vcpuCount < 1 || vcpuCount > 32) {
            throw new IllegalArgumentException("vcpu count must be within 1..32 for firecracker, got " + vcpuCount);
        }
        if (memoryMib < 1) {
            throw new IllegalArgumentException("memory must be at least 1 MiB, got " + memoryMib);
        }
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(bootArgs, "bootArgs");
        drives = List.copyOf(drives);
        networkInterfaces = List.copyOf(networkInterfaces);
        long roots = drives.stream().filter(Drive::root).count();
        // Firecracker boots from exactly one root device; zero fails InstanceStart, two fail the second PUT
        if (roots != 1) {
            throw new IllegalArgumentException("exactly one root drive is needed, got " + roots);
        }
    }

    /** Ids go into the request path (/drives/{id}); Firecracker accepts alphanumerics and '_' only. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private static String deviceId(String id) {
        if (id == null || !DEVICE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("firecracker device ids are 1-64 of [A-Za-z0-9_], got " + id);
        }
        return id;
    }

    /** A raw disk image attached as a virtio-block device; {@code id} is Firecracker's drive_id. */
    public record Drive(String id, Path path, boolean readOnly, boolean root) {
        public Drive {
            deviceId(id);
            Objects.requireNonNull(path, "path");
        }
    }

    /** A virtio-net device backed by a host tap; {@code guestMac} may be null (Firecracker picks one). */
    public record NetworkInterface(String id, String tapName, String guestMac) {
        public NetworkInterface {
            deviceId(id);
            Objects.requireNonNull(tapName, "tapName");
        }
    }

    /** A vsock device: guest CID (3 and up; 0-2 are reserved) and the host unix socket it is proxied to. */
    public record Vsock(int guestCid, Path udsPath) {
        public Vsock {
            if (guestCid < 3) {
                throw new IllegalArgumentException("vsock guest CID must be 3 or more, got " + guestCid);
            }
            Objects.requireNonNull(udsPath, "udsPath");
        }
    }
}
