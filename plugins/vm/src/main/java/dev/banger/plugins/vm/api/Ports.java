package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;

/** TCP port numbers on the wire: 1..65535 (0 means "any" to a socket API, never to a forward). */
final class Ports {
    private Ports() {
    }

    static void check(Integer port, String field) {
        if (port != null && (port < 1 || port > 65535)) {
            throw RpcException.badRequest(field + ": must be a port 1..65535, got " + port);
        }
    }
}
