package dev.banger.helper.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.helper.api.HelperMethods;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.NatEntry;
import dev.banger.helper.api.PrivClient;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcClient;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.helper.SocketHelperClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real helper (in-process, on a real socket, as root) against a real network namespace the
 * test makes and deletes; every step is checked with ip and nft inside that namespace.
 */
class NetworkOpsIntegrationTest {
    private static final long OWNER = 65534;
    private static final String OP = "op-0123456789abcdef";
    @TempDir
    Path tmp;
    private TestNetns ns;
    private HelperServer server;
    private Path socket;
    private PrivClient priv;

    @BeforeEach
    void start() throws Exception {
        HostSupport.assumeRootWith("ip", "nft", "sysctl");
        ns = new TestNetns();
        socket = tmp.resolve("run/bangerd-root.sock");
        server = new HelperServer(new HelperConfig(socket, OWNER, OWNER, "bgr-", Ipv4Cidr.parse("172.16.0.0/12", "subnet"), ns.name),
                new ProcessCommandRunner());
        server.start();
        priv = new PrivClient(new SocketHelperClient(socket, OP));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void bridgeTwoTapsAndNatAreMadeCheckedAndRemovedWithoutATrace() {
        String hostForwarding = readHostForwarding();

        assertThat(priv.bridgeEnsure("bgr-br0", "172.16.9.1/24").changed()).isTrue();
        assertThat(priv.bridgeEnsure("bgr-br0", "172.16.9.1/24").changed()).isFalse();
        assertThat(ns.link("bgr-br0").path("linkinfo").path("info_kind").asText()).isEqualTo("bridge");
        assertThat(ns.link("bgr-br0").path("flags").toString()).contains("\"UP\"");
        assertThat(ns.addresses("bgr-br0").path(0).path("local").asText()).isEqualTo("172.16.9.1");
        assertThat(ns.addresses("bgr-br0").path(0).path("prefixlen").asInt()).isEqualTo(24);

        for (String tap : new String[] {"bgr-t0", "bgr-t1"}) {
            assertThat(priv.tapCreate(tap, "bgr-br0", OWNER).changed()).isTrue();
            assertThat(priv.tapCreate(tap, "bgr-br0", OWNER).changed()).isFalse();
            JsonNode link = ns.link(tap);
            assertThat(link.path("master").asText()).isEqualTo("bgr-br0");
            assertThat(link.path("linkinfo").path("info_data").path("type").asText()).isEqualTo("tap");
            assertThat(ns.exec("cat", "/sys/class/net/" + tap + "/owner").strip()).isEqualTo(Long.toString(OWNER));
        }
        assertThatThrownBy(() -> priv.bridgeDelete("bgr-br0")).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(priv.natEnable("172.16.9.2", "bgr-t0").changed()).isTrue();
        assertThat(priv.natEnable("172.16.9.3", "bgr-t1").changed()).isTrue();
        String rules = ns.ruleset();
        assertThat(priv.natEnable("172.16.9.2", "bgr-t0").changed()).isFalse();
        assertThat(ns.ruleset()).isEqualTo(rules);
        assertThat(rules).contains("table ip banger", "ip saddr 172.16.9.2 oifname != \"bgr-br0\" masquerade",
                "ip saddr 172.16.9.3 oifname != \"bgr-br0\" masquerade", "iifname \"bgr-br0\" ip saddr 172.16.9.2 accept",
                "oifname \"bgr-br0\" ip daddr 172.16.9.2 ct state established,related accept");
        assertThat(priv.natList().entries()).containsExactlyInAnyOrder(new NatEntry("172.16.9.2", "bgr-t0", "bgr-br0"),
                new NatEntry("172.16.9.3", "bgr-t1", "bgr-br0"));
        assertThat(ns.exec("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("1");
        assertThatThrownBy(() -> priv.natEnable("172.16.9.2", "bgr-t1")).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(priv.natDisable("172.16.9.2", "bgr-t0").changed()).isTrue();
        assertThat(priv.natDisable("172.16.9.2", "bgr-t0").changed()).isFalse();
        assertThat(ns.ruleset()).doesNotContain("172.16.9.2").contains("172.16.9.3");
        assertThat(priv.natDisable("172.16.9.3", "bgr-t1").changed()).isTrue();
        assertThat(ns.ruleset()).doesNotContain("banger");
        assertThat(priv.natList().entries()).isEmpty();

        for (String tap : new String[] {"bgr-t0", "bgr-t1"}) {
            assertThat(priv.tapDelete(tap).deleted()).isTrue();
            assertThat(priv.tapDelete(tap).deleted()).isFalse();
        }
        assertThat(priv.bridgeDelete("bgr-br0").deleted()).isTrue();
        assertThat(priv.bridgeDelete("bgr-br0").deleted()).isFalse();

        assertThat(ns.linkNames()).containsExactly("lo");
        assertThat(ns.ruleset()).isBlank();
        assertThat(readHostForwarding()).as("the host namespace's ip_forward is untouched").isEqualTo(hostForwarding);
        assertThat(new ProcessCommandRunner().run(java.util.List.of(Binaries.path("ip"), "-br", "link"), null).stdout())
                .as("nothing appears in the host namespace").doesNotContain("bgr-");
    }

    static Stream<Arguments> hostileCalls() {
        return Stream.of(
                Arguments.of(HelperMethods.TAP_CREATE, Map.of("name", "tap0; rm -rf /", "bridge", "bgr-br0", "owner_uid", OWNER), "params.name"),
                Arguments.of(HelperMethods.TAP_CREATE, Map.of("name", "../x", "bridge", "bgr-br0", "owner_uid", OWNER), "params.name"),
                Arguments.of(HelperMethods.TAP_CREATE, Map.of("name", "bgr-abcdefghijkl", "bridge", "bgr-br0", "owner_uid", OWNER), "params.name"),
                Arguments.of(HelperMethods.TAP_CREATE, Map.of("name", "tap-vm1", "bridge", "bgr-br0", "owner_uid", OWNER), "params.name"),
                Arguments.of(HelperMethods.TAP_CREATE, Map.of("name", "bgr-t9", "bridge", "bgr-br0", "owner_uid", 1000), "params.owner_uid"),
                Arguments.of(HelperMethods.BRIDGE_ENSURE, Map.of("name", "bgr-br0", "cidr", "8.8.8.0/24"), "params.cidr"),
                Arguments.of(HelperMethods.BRIDGE_ENSURE, Map.of("name", "bgr-br0", "cidr", "10.0.0.1/8"), "params.cidr"),
                Arguments.of(HelperMethods.BRIDGE_ENSURE, Map.of("name", "bgr-br1", "cidr", "/8"), "params.cidr"),
                Arguments.of(HelperMethods.BRIDGE_DELETE, Map.of("name", "lo"), "params.name"),
                Arguments.of(HelperMethods.TAP_DELETE, Map.of("name", "../x"), "params.name"),
                Arguments.of(HelperMethods.NAT_ENABLE, Map.of("guest_ip", "8.8.8.8", "tap", "bgr-t0"), "params.guest_ip"),
                Arguments.of(HelperMethods.NAT_DISABLE, Map.of("guest_ip", "172.16.9.2", "tap", "tap0; rm -rf /"), "params.tap"));
    }

    @ParameterizedTest
    @MethodSource("hostileCalls")
    void hostileArgumentsChangeNothingAndNameTheField(String method, Map<String, Object> params, String field) throws Exception {
        priv.bridgeEnsure("bgr-br0", "172.16.9.1/24");
        String before = ns.snapshot();
        try (RpcClient raw = RpcClient.connect(socket)) {
            assertThatThrownBy(() -> raw.callRaw(method, params, null, e -> { })).isInstanceOfSatisfying(RpcException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                assertThat(e.detail()).contains(field);
            });
        }
        assertThat(ns.snapshot()).isEqualTo(before);
        priv.bridgeDelete("bgr-br0");
    }

    @Test
    void theForwardedOpIdIsOnTheHelpersLogLineForThatCall() {
        try (CapturedLog log = new CapturedLog()) {
            new SocketHelperClient(socket, OP).call(HelperMethods.PING, Map.of(), JsonNode.class);
            priv.bridgeEnsure("bgr-br0", "172.16.9.1/24");
            assertThat(log.forOp(OP)).extracting(l -> l.path("method").asText())
                    .containsExactly(HelperMethods.PING, HelperMethods.BRIDGE_ENSURE);
            assertThat(log.forOp(OP)).allSatisfy(l -> {
                assertThat(l.path("msg").asText()).isEqualTo("helper rpc completed");
                assertThat(l.path("peer_uid").asLong()).isZero();
                assertThat(l.path("duration_ms").isIntegralNumber()).isTrue();
            });
        }
        priv.bridgeDelete("bgr-br0");
    }

    @Test
    void resolverRoutingSaysItIsNotSupportedInsideANamespace() {
        priv.bridgeEnsure("bgr-br0", "172.16.9.1/24");
        assertThatThrownBy(() -> priv.resolverRoute("bgr-br0", "127.0.0.1:42069"))
                .hasMessageContaining("not supported on this host");
        assertThatThrownBy(() -> priv.resolverClear()).hasMessageContaining("not supported on this host");
        priv.bridgeDelete("bgr-br0");
    }

    @Test
    void anUnreachableHelperSaysWhatToDo() throws Exception {
        server.close();
        assertThat(Files.exists(socket)).isFalse();
        assertThatThrownBy(() -> priv.ping()).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
            assertThat(e.getMessage()).contains("bridge networking needs bangerd-root", "sudo banger system install", "--network user");
        });
    }

    private static String readHostForwarding() {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
