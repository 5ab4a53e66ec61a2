package dev.banger.helper.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.helper.api.BridgeEnsureParams;
import dev.banger.helper.api.DnsAddress;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.LinkNameParams;
import dev.banger.helper.api.NatParams;
import dev.banger.helper.api.TapCreateParams;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records' shape checks and the helper's policy checks, each failing as bad_request naming the field. */
class ArgumentValidationTest {
    private static final HelperConfig CONFIG = new HelperConfig(Path.of("/nonexistent"), 1000, 1000, "bgr-",
            Ipv4Cidr.parse("172.16.0.0/12", "subnet"), null);
    private final ArgumentPolicy policy = new ArgumentPolicy(CONFIG);

    @ParameterizedTest
    @ValueSource(strings = {"tap0; rm -rf /", "../x", "bgr-abcdefghijkl", "bgr-$(id)", "-bgr", "bgr-x y", "BGR-A", "bgr-a\nb", "", " ", "bgr/x", "bgr-\u00e9"})
    void hostileInterfaceNamesAreRejectedByShape(String name) {
        assertBadRequest(() -> new LinkNameParams(name), "params.name");
        assertBadRequest(() -> new TapCreateParams(name, "bgr-br0", 1000), "params.name");
        assertBadRequest(() -> new TapCreateParams("bgr-t0", name, 1000), "params.bridge");
        assertBadRequest(() -> new NatParams("172.16.0.2", name), "params.tap");
        assertBadRequest(() -> new BridgeEnsureParams(name, "172.16.0.1/24"), "params.name");
    }

    @Test
    void sixteenCharactersIsOneTooMany() {
        assertBadRequest(() -> new LinkNameParams("bgr-abcdefghijkl"), "params.name: at most 15 characters");
        assertThat(new LinkNameParams("bgr-abcdefghijk").name()).hasSize(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth0", "lo", "docker0", "br-fc", "bgr-", "bgrx"})
    void namesOutsideTheManagedPrefixAreRejectedByPolicy(String name) {
        assertBadRequest(() -> policy.managedName(new LinkNameParams(name).name(), "params.name"), "params.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.0/24", "8.8.8.1/24", "10.0.0.1/8", "172.16.0.1/15", "192.168.1.1/31", "192.168.1.1/32",
            "172.16.0.0/24", "172.16.0.255/24", "172.16.0.1", "172.16.0.1/", "172.16.0.1/024", "172.16.0.01/24",
            "172.16.0.1/24; reboot", "300.16.0.1/24", "fd00::1/64", "100.128.0.1/24", "11.0.0.1/24"})
    void badBridgeAddressesAreRejected(String cidr) {
        assertBadRequest(() -> new BridgeEnsureParams("bgr-br0", cidr), "params.cidr");
    }

    @Test
    void prefixOutOfRangeSaysSo() {
        assertBadRequest(() -> new BridgeEnsureParams("bgr-br0", "10.0.0.1/8"), "params.cidr: prefix length must be 16–30");
        assertBadRequest(() -> new BridgeEnsureParams("bgr-br0", "8.8.8.0/24"), "is not private");
    }

    @Test
    void privateAddressesOutsideTheManagedSubnetAreRejectedByPolicy() {
        Ipv4Cidr lan = Ipv4Cidr.parse(new BridgeEnsureParams("bgr-br0", "192.168.1.1/24").cidr(), "params.cidr");
        assertBadRequest(() -> policy.inSubnet(lan, "params.cidr"), "params.cidr: 192.168.1.1/24 is outside the managed subnet");
        assertBadRequest(() -> policy.inSubnet(dev.banger.helper.api.Ipv4.parse("10.0.0.2", "params.guest_ip"), "params.guest_ip"),
                "params.guest_ip");
    }

    @Test
    void acceptsTheOrdinaryCases() {
        assertThat(new BridgeEnsureParams("bgr-br0", "172.16.0.1/24").cidr()).isEqualTo("172.16.0.1/24");
        assertThat(new BridgeEnsureParams("bgr-br0", "100.64.3.1/30").name()).isEqualTo("bgr-br0");
        assertThat(new NatParams("172.16.0.2", "bgr-t0").guestIp()).isEqualTo("172.16.0.2");
        assertThat(policy.owner(1000, "params.owner_uid")).isEqualTo(1000);
        assertThat(DnsAddress.check("127.0.0.1:42069", "params.dns_addr")).isEqualTo("127.0.0.1:42069");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 65534, 999, 1001})
    void aUidThatIsNotTheOwnersIsRejected(long uid) {
        assertBadRequest(() -> policy.owner(new TapCreateParams("bgr-t0", "bgr-br0", uid).ownerUid(), "params.owner_uid"),
                "params.owner_uid");
    }

    @Test
    void negativeUidIsRejectedByShape() {
        assertBadRequest(() -> new TapCreateParams("bgr-t0", "bgr-br0", -1), "params.owner_uid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1:53", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "localhost:53", "127.0.0.1:53;id"})
    void dnsAddressMustBeLoopbackOrPrivateWithASanePort(String addr) {
        assertBadRequest(() -> DnsAddress.check(addr, "params.dns_addr"), "params.dns_addr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "10.0.0", "10.0.0.1/32", "010.0.0.1", "::1"})
    void guestAddressesMustBePlainPrivateIpv4(String ip) {
        assertBadRequest(() -> new NatParams(ip, "bgr-t0"), "params.guest_ip");
    }

    static void assertBadRequest(ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.detail()).contains(messageStart);
        });
    }
}
