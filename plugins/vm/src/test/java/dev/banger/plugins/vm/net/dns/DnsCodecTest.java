package dev.banger.plugins.vm.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The .vm DNS wire format, byte by byte: queries parsed, answers built, anything malformed dropped. */
class DnsCodecTest {
    private final VmZone zone = new VmZone(name -> Optional.ofNullable(Map.of("dev", "172.30.0.2").get(name)));

    /** A query as dig sends it: id, RD set, one question. */
    static byte[] query(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {0, (byte) (type >> 8), (byte) type, 0, 1});
        return out.toByteArray();
    }

    private byte[] answer(byte[] packet) {
        return zone.answer(DnsQuery.parse(packet, packet.length).orElseThrow());
    }

    @Test
    void aQueryIsParsedCaseInsensitively() {
        byte[] q = query(0xBEEF, "DeV.Vm", 1);
        DnsQuery parsed = DnsQuery.parse(q, q.length).orElseThrow();
        assertThat(parsed.id()).isEqualTo(0xBEEF);
        assertThat(parsed.name()).isEqualTo("dev.vm");
        assertThat(parsed.type()).isEqualTo(DnsQuery.TYPE_A);
        assertThat(parsed.qclass()).isEqualTo(DnsQuery.CLASS_IN);
        assertThat(parsed.recursionDesired()).isTrue();
    }

    @Test
    void aKnownVmGetsOneAuthoritativeARecord() {
        byte[] q = query(0x1234, "dev.vm", 1);
        byte[] r = answer(q);
        assertThat(Arrays.copyOfRange(r, 0, 12)).containsExactly(0x12, 0x34, 0x85, 0x00, 0, 1, 0, 1, 0, 0, 0, 0);
        // the question is echoed, then: pointer to it, type A, class IN, TTL 5, 4 bytes of address
        assertThat(Arrays.copyOfRange(r, 12, q.length)).isEqualTo(Arrays.copyOfRange(q, 12, q.length));
        assertThat(Arrays.copyOfRange(r, q.length, r.length))
                .containsExactly(0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, 172, 30, 0, 2);
    }

    @Test
    void anUnknownVmIsNxdomainAndAnotherZoneIsRefused() {
        assertThat(rcode(answer(query(1, "nope.vm", 1)))).isEqualTo(DnsReply.NXDOMAIN);
        assertThat(rcode(answer(query(1, "a.dev.vm", 1)))).isEqualTo(DnsReply.NXDOMAIN);
        assertThat(rcode(answer(query(2, "example.com", 1)))).isEqualTo(DnsReply.REFUSED);
        assertThat(answerCount(answer(query(2, "example.com", 1)))).isZero();
    }

    @Test
    void aKnownVmAskedForAaaaHasNoRecordsButExists() {
        byte[] r = answer(query(3, "dev.vm", 28));
        assertThat(rcode(r)).isEqualTo(DnsReply.NOERROR);
        assertThat(answerCount(r)).isZero();
    }

    @Test
    void malformedPacketsAreDropped() {
        byte[] good = query(7, "dev.vm", 1);
        assertThat(DnsQuery.parse(good, 11)).as("shorter than a header").isEmpty();
        assertThat(DnsQuery.parse(good, good.length - 2)).as("question cut off").isEmpty();
        byte[] response = good.clone();
        response[2] |= (byte) 0x80;
        assertThat(DnsQuery.parse(response, response.length)).as("a response, not a query").isEmpty();
        byte[] twoQuestions = good.clone();
        twoQuestions[5] = 2;
        assertThat(DnsQuery.parse(twoQuestions, twoQuestions.length)).as("qdcount 2").isEmpty();
        byte[] pointer = good.clone();
        pointer[12] = (byte) 0xC0;
        assertThat(DnsQuery.parse(pointer, pointer.length)).as("compression pointer in the question").isEmpty();
        byte[] longLabel = good.clone();
        longLabel[12] = 60;
        assertThat(DnsQuery.parse(longLabel, longLabel.length)).as("label runs past the end").isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (junk.length > 5 && random.nextBoolean()) {
                junk[2] = 0;
                junk[4] = 0;
                junk[5] = 1;
            }
            DnsQuery.parse(junk, junk.length).ifPresent(zone::answer);
        }
    }

    private static int rcode(byte[] reply) {
        return reply[3] & 0x0F;
    }

    private static int answerCount(byte[] reply) {
        return ((reply[6] & 0xFF) << 8) | (reply[7] & 0xFF);
    }
}
