package dev.banger.plugins.vm.lifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** A free TCP port on 127.0.0.1 that no other VM record holds (QEMU binds it a moment later). */
public final class LocalPorts {
    private LocalPorts() {
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
