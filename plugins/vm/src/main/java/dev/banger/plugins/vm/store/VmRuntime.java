package dev.banger.plugins.vm.store;

import java.util.List;

/**
 * Where a VM's pieces are, so any daemon (including one restarted after a crash) can find the VMM
 * again by pid and control socket. {@code forwards} maps 127.0.0.1 ports to guest ports.
 */
public record VmRuntime(String id, String backend, Long pid, String controlSocket, String runDir, String diskDir,
                        Integer sshPort, String ip, String mac, List<Forward> forwards, String rootfsImage,
                        String vmlinuz, String initrd, String init) {
    public record Forward(int hostPort, int guestPort) {
    }

    public VmRuntime withPid(Long newPid, String socket) {
        return new VmRuntime(id, backend, newPid, socket, runDir, diskDir, sshPort, ip, mac, forwards, rootfsImage, vmlinuz, initrd, init);
    }

    public VmRuntime withIp(String newIp) {
        return new VmRuntime(id, backend, pid, controlSocket, runDir, diskDir, sshPort, newIp, mac, forwards, rootfsImage, vmlinuz, initrd, init);
    }

    public VmRuntime withForwards(List<Forward> newForwards) {
        return new VmRuntime(id, backend, pid, controlSocket, runDir, diskDir, sshPort, ip, mac, List.copyOf(newForwards), rootfsImage, vmlinuz,
                initrd, init);
    }
}
