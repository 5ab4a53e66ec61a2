package dev.banger.plugins.vm.net.dns;

import dev.banger.helper.api.Ipv4;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers of the {@code .vm} zone: {@code <name>.vm} is the bridge address of the VM called name
 * while it runs. Unknown names are NXDOMAIN; names outside {@code .vm} are REFUSED (this is not a
 * recursive resolver); a known name asked for another type (AAAA, MX…) gets an empty NOERROR.
 */
public final class VmZone {
    public static final String SUFFIX = ".vm";
    private final Function<String, Optional<String>> addressOf;

    /** @param addressOf a VM name → its bridge address, when it has one and runs */
    public VmZone(Function<String, Optional<String>> addressOf) {
        this.addressOf = addressOf;
    }

    public byte[] answer(DnsQuery q) {
        if (!q.name().endsWith(SUFFIX) || q.qclass() != DnsQuery.CLASS_IN) {
            return DnsReply.empty(q, DnsReply.REFUSED);
        }
        String vm = q.name().substring(0, q.name().length() - SUFFIX.length());
        Optional<String> ip = vm.isEmpty() || vm.contains(".") ? Optional.empty() : addressOf.apply(vm);
        if (ip.isEmpty()) {
            return DnsReply.empty(q, DnsReply.NXDOMAIN);
        }
        if (q.type() != DnsQuery.TYPE_A) {
            return DnsReply.empty(q, DnsReply.NOERROR);
        }
        return DnsReply.address(q, ByteBuffer.allocate(4).putInt(Ipv4.parse(ip.get(), "ip")).array());
    }
}
