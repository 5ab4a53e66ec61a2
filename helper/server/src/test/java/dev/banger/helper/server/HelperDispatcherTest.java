package dev.banger.helper.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.helper.api.HelperMethods;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.kernel.api.wire.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dispatch path without a socket or a kernel: refusals, validation and logging happen before any command runs. */
class HelperDispatcherTest {
    private static final Peer ROOT = new Peer(1, 0, 0);
    private static final Peer OWNER = new Peer(2, 1000, 1000);
    private static final Peer STRANGER = new Peer(3, 1001, 1001);
    private final RecordingRunner runner = new RecordingRunner();
    private final HelperConfig config = new HelperConfig(Path.of("/nonexistent"), 1000, 1000, "bgr-",
            Ipv4Cidr.parse("172.16.0.0/12", "subnet"), null);
    private final HelperDispatcher dispatcher = new HelperDispatcher(MethodTable.forConfig(config, runner), new PeerPolicy(1000));
    private final CapturedLog log = new CapturedLog();

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void rootAndOwnerAreServedAndTheForwardedOpIdIsAdopted() {
        for (Peer p : new Peer[] {ROOT, OWNER}) {
            ObjectNode reply = dispatcher.dispatch(request(HelperMethods.PING, "{}", "op-0123456789abcdef"), p);
            assertThat(reply.path("op_id").asText()).isEqualTo("op-0123456789abcdef");
            assertThat(reply.path("result").path("owner_uid").asLong()).isEqualTo(1000);
        }
        JsonNode line = log.forOp("op-0123456789abcdef").get(1);
        assertThat(line.path("msg").asText()).isEqualTo("helper rpc completed");
        assertThat(line.path("method").asText()).isEqualTo("priv.ping");
        assertThat(line.path("peer_uid").asLong()).isEqualTo(1000);
        assertThat(line.has("duration_ms")).isTrue();
    }

    @Test
    void aStrangerIsRefusedAndLoggedWithPidAndUid() {
        ObjectNode reply = dispatcher.dispatch(request(HelperMethods.BRIDGE_DELETE, "{\"name\":\"bgr-br0\"}", "op-00000000000000aa"), STRANGER);
        assertThat(reply.path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(runner.calls).isEmpty();
        JsonNode line = log.forOp("op-00000000000000aa").get(0);
        assertThat(line.path("msg").asText()).isEqualTo("helper rpc failed");
        assertThat(line.path("error_code").asText()).isEqualTo("unauthorized");
        assertThat(line.path("peer_uid").asLong()).isEqualTo(1001);
        assertThat(line.path("peer_pid").asLong()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "priv.tap.create|{\"name\":\"tap0; rm -rf /\",\"bridge\":\"bgr-br0\",\"owner_uid\":1000}|params.name",
        "priv.tap.create|{\"name\":\"../x\",\"bridge\":\"bgr-br0\",\"owner_uid\":1000}|params.name",
        "priv.tap.create|{\"name\":\"bgr-abcdefghijkl\",\"bridge\":\"bgr-br0\",\"owner_uid\":1000}|params.name",
        "priv.tap.create|{\"name\":\"eth0\",\"bridge\":\"bgr-br0\",\"owner_uid\":1000}|params.name",
        "priv.tap.create|{\"name\":\"bgr-t0\",\"bridge\":\"docker0\",\"owner_uid\":1000}|params.bridge",
        "priv.tap.create|{\"name\":\"bgr-t0\",\"bridge\":\"bgr-br0\",\"owner_uid\":0}|params.owner_uid",
        "priv.tap.create|{\"name\":\"bgr-t0\",\"bridge\":\"bgr-br0\",\"owner_uid\":\"1000\"}|params.owner_uid",
        "priv.bridge.ensure|{\"name\":\"bgr-br0\",\"cidr\":\"8.8.8.0/24\"}|params.cidr",
        "priv.bridge.ensure|{\"name\":\"bgr-br0\",\"cidr\":\"10.0.0.1/8\"}|params.cidr",
        "priv.bridge.ensure|{\"name\":\"bgr-br0\",\"cidr\":\"192.168.0.1/24\"}|params.cidr",
        "priv.bridge.ensure|{\"name\":\"bgr-br0\"}|params.cidr",
        "priv.bridge.ensure|{\"name\":\"bgr-br0\",\"cidr\":\"172.16.0.1/24\",\"extra\":1}|params.extra",
        "priv.bridge.delete|{\"name\":\"eth0\"}|params.name",
        "priv.tap.delete|{\"name\":\"lo\"}|params.name",
        "priv.nat.enable|{\"guest_ip\":\"8.8.8.8\",\"tap\":\"bgr-t0\"}|params.guest_ip",
        "priv.nat.disable|{\"guest_ip\":\"172.16.0.2\",\"tap\":\"eth0\"}|params.tap",
        "priv.resolver.route|{\"bridge\":\"bgr-br0\",\"dns_addr\":\"8.8.8.8:53\"}|params.dns_addr",
    })
    void hostileArgumentsRunNothingAndNameTheField(String method, String params, String field) {
        ObjectNode reply = dispatcher.dispatch(request(method, params, null), ROOT);
        assertThat(reply.path("error").path("code").asText()).isEqualTo("bad_request");
        assertThat(reply.path("error").path("message").asText()).contains(field);
        assertThat(runner.calls).isEmpty();
    }

    @Test
    void envelopeErrorsUseTheWireCodes() {
        assertThat(code(dispatcher.dispatch("{\"version\":2,\"method\":\"priv.ping\"}", ROOT))).isEqualTo("bad_version");
        assertThat(code(dispatcher.dispatch("{\"version\":1,\"method\":\"vm.list\"}", ROOT))).isEqualTo("unknown_method");
        assertThat(code(dispatcher.dispatch("not json", ROOT))).isEqualTo("bad_request");
        ObjectNode minted = dispatcher.dispatch("{\"version\":1,\"method\":\"priv.ping\"}", ROOT);
        assertThat(minted.path("op_id").asText()).matches("op-[0-9a-f]{16}");
    }

    private static String code(ObjectNode reply) {
        return reply.path("error").path("code").asText();
    }

    private static String request(String method, String params, String opId) {
        try {
            ObjectNode r = Json.mapper().createObjectNode();
            r.put("version", 1);
            r.put("method", method);
            r.set("params", Json.mapper().readTree(params));
            if (opId != null) {
                r.put("op_id", opId);
            }
            return r.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
