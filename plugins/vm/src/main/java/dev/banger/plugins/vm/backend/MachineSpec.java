package dev.banger.plugins.vm.backend;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a backend needs to boot one VM. Disks are in order (vda = root overlay, vdb = config
 * disk, vdc = work disk); {@code runDir} holds the control socket, pid file and console log.
 *
 * @param forwards user networking only: host port on 127.0.0.1 → guest port (ssh is one of them)
 * @param tap      bridge networking only: the tap device the helper created
 */
public record MachineSpec(String name, int vcpu, int memoryMib, Path kernel, Path initrd, String kernelArgs,
                          List<Disk> disks, String networkMode, String guestMac, List<Forward> forwards, String tap, Path runDir) {
    public record Disk(String id, Path path, String format, boolean readOnly) {
    }

    public record Forward(int hostPort, int guestPort) {
    }
}
