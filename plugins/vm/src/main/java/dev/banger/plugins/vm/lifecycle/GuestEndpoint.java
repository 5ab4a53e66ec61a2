package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.store.VmRecord;

/**
 * Where a VM's sshd is reached: the forwarded port on 127.0.0.1 for user networking, the guest's own
 * bridge address on port 22 for bridge networking (no forward: the host routes to the bridge).
 */
public record GuestEndpoint(String host, int port) {
    public static GuestEndpoint of(VmRecord r) {
        if (isBridge(r)) {
            return new GuestEndpoint(r.runtime().ip(), 22);
        }
        return new GuestEndpoint("127.0.0.1", r.runtime().sshPort());
    }

    public static boolean isBridge(VmRecord r) {
        return "bridge".equals(r.spec().network());
    }
}
