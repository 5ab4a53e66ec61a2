package dev.banger.helper.api;

import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/**
 * Dotted-quad IPv4 addresses as 32-bit ints. Strict on purpose: no leading zeros (some tools read
 * them as octal), no hostnames, no shorthand like {@code 10.1}.
 */
public final class Ipv4 {
    private static final Pattern DOTTED = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private Ipv4() {
    }

    public static int parse(String value, String field) {
        Params.required(value, field);
        if (!DOTTED.matcher(value).matches()) {
            throw RpcException.badRequest(field + ": not a dotted-quad IPv4 address: " + InterfaceName.quote(value));
        }
        int address = 0;
        for (String part : value.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw RpcException.badRequest(field + ": octet " + octet + " is over 255 in " + value);
            }
            address = (address << 8) | octet;
        }
        return address;
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    public static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }
}
