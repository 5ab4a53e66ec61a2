package dev.banger.plugins.vm.net.dns;

import java.io.ByteArrayOutputStream;

/**
 * Builds the reply to a {@link DnsQuery}: the header (authoritative, the query's id and RD bit), the
 * question echoed, and at most one A record whose name is a pointer to the question's name (0xC00C).
 */
public final class DnsReply {
    public static final int NOERROR = 0;
    public static final int NXDOMAIN = 3;
    public static final int REFUSED = 5;
    /** Short: a VM's address changes when it is deleted and another takes it. */
    static final int TTL_SECONDS = 5;

    private DnsReply() {
    }

    /** A reply without answers carrying {@code rcode} (NOERROR here means "the name exists, not with that type"). */
    public static byte[] empty(DnsQuery q, int rcode) {
        return build(q, rcode, null);
    }

    /** NOERROR with one A record for the question's name. */
    public static byte[] address(DnsQuery q, byte[] ipv4) {
        if (ipv4.length != 4) {
            throw new IllegalArgumentException("an A record holds 4 bytes, not " + ipv4.length);
        }
        return build(q, NOERROR, ipv4);
    }

    private static byte[] build(DnsQuery q, int rcode, byte[] ipv4) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        u16(out, q.id());
        // QR=1, opcode 0, AA=1 (this server owns .vm), RD echoed, RA=0 (no recursion offered)
        u16(out, 0x8000 | 0x0400 | (q.recursionDesired() ? 0x0100 : 0) | (rcode & 0xF));
        u16(out, 1);
        u16(out, ipv4 == null ? 0 : 1);
        u16(out, 0);
        u16(out, 0);
        out.writeBytes(q.question());
        if (ipv4 != null) {
            u16(out, 0xC000 | DnsQuery.HEADER);
            u16(out, DnsQuery.TYPE_A);
            u16(out, DnsQuery.CLASS_IN);
            u16(out, 0);
            u16(out, TTL_SECONDS);
            u16(out, 4);
            out.writeBytes(ipv4);
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
