package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** A free TCP port on 127.0.0.1 that no other VM record holds (QEMU binds it a moment later). */
public final class LocalPorts {
    /**
     * Held while choosing a port and recording it in a VM's row (create's ssh port, vm.forward.add), so two
     * callers never pick the same port between reading the rows and writing theirs.
     */
    public static final Object ALLOCATION = new Object();

    private LocalPorts() {
    }

    /** Every host port some VM's row holds, running or not: a stopped VM binds its forwards again when it starts. */
    public static Set<Integer> held(Collection<VmRecord> vms) {
        Set<Integer> out = new HashSet<>();
        for (VmRecord v : vms) {
            VmRuntime rt = v.runtime();
            if (rt.sshPort() != null) {
                out.add(rt.sshPort());
            }
            rt.forwards().forEach(f -> out.add(f.hostPort()));
        }
        return out;
    }

    /** Whether 127.0.0.1:port can be bound right now (nothing on the host listens there). */
    public static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static synchronized int free(Set<Integer> taken) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (!taken.contains(port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free port on 127.0.0.1 after 50 tries");
    }
}
