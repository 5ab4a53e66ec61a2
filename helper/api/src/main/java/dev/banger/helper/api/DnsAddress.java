package dev.banger.helper.api;

import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.wire.RpcException;

/**
 * Where the daemon's DNS listener answers: {@code IPv4} or {@code IPv4:PORT}, the form resolvectl
 * takes. Loopback or private only: the .vm zone must never be sent to a public resolver.
 */
public final class DnsAddress {
    private DnsAddress() {
    }

    public static String check(String value, String field) {
        Params.required(value, field);
        int colon = value.indexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        int address = Ipv4.parse(host, field);
        boolean loopback = (address >>> 24) == 127;
        if (!loopback && !PrivateRanges.contains(address)) {
            throw RpcException.badRequest(field + ": " + host + " is neither loopback nor private");
        }
        if (colon >= 0) {
            String port = value.substring(colon + 1);
            if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65535) {
                throw RpcException.badRequest(field + ": port must be 1–65535, got " + InterfaceName.quote(port));
            }
        }
        return value;
    }
}
