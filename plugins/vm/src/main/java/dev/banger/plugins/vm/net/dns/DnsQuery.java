package dev.banger.plugins.vm.net.dns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One standard DNS query (RFC 1035 §4.1) with exactly one question. Anything else — a response, another
 * opcode, several questions, compression pointers in the question, a truncated packet — is not a query
 * this server answers, and {@link #parse} returns empty so the packet is dropped.
 *
 * @param name     the question's name, lower case, without the trailing dot
 * @param question the question section's raw bytes, echoed back in the reply
 */
public record DnsQuery(int id, boolean recursionDesired, String name, int type, int qclass, byte[] question) {
    public static final int TYPE_A = 1;
    public static final int CLASS_IN = 1;
    static final int HEADER = 12;
    private static final int MAX_NAME = 253;

    public static Optional<DnsQuery> parse(byte[] packet, int length) {
        if (length < HEADER + 5 || length > packet.length) {
            return Optional.empty();
        }
        int flags = u16(packet, 2);
        boolean response = (flags & 0x8000) != 0;
        int opcode = (flags >> 11) & 0xF;
        if (response || opcode != 0 || u16(packet, 4) != 1) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        int at = HEADER;
        while (true) {
            if (at >= length) {
                return Optional.empty();
            }
            int label = packet[at] & 0xFF;
            at++;
            if (label == 0) {
                break;
            }
            // 0xC0.. is a compression pointer, 0x40/0x80 are reserved: none belongs in a query's question
            if (label > 63 || at + label > length) {
                return Optional.empty();
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(packet, at, label, StandardCharsets.US_ASCII));
            if (name.length() > MAX_NAME) {
                return Optional.empty();
            }
            at += label;
        }
        if (at + 4 > length) {
            return Optional.empty();
        }
        int type = u16(packet, at);
        int qclass = u16(packet, at + 2);
        byte[] question = Arrays.copyOfRange(packet, HEADER, at + 4);
        return Optional.of(new DnsQuery(u16(packet, 0), (flags & 0x0100) != 0, name.toString().toLowerCase(Locale.ROOT), type, qclass, question));
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
