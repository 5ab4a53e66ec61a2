package dev.banger.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may talk to a real bangerd. Layer one is the file mode (socket 0600 in a 0700 directory), so
 * another uid cannot even connect. Layer two is the daemon's SO_PEERCRED check: a client of another
 * uid that gets past the mode (CAP_DAC_OVERRIDE) is answered {@code unauthorized} and dropped,
 * and nothing it sent runs. (The helper's equivalent is helper/server's PeerCredentialIntegrationTest.)
 */
class PeerAccessIT {
    private static final long NOBODY = 65534;
    private static DaemonFixture daemon;

    @BeforeAll
    static void start() throws Exception {
        OtherUidClient.assumeUsable();
        daemon = DaemonFixture.withPlugins().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void theSocketIsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket.getParent()))).isEqualTo("rwx------");
        assertThat(Files.getAttribute(daemon.socket, "unix:uid")).isEqualTo(0);
    }

    @Test
    void anotherUidCannotConnectThroughTheFileMode() throws Exception {
        assertThat(OtherUidClient.send(NOBODY, false, daemon.socket, "{\"version\":1,\"method\":\"daemon.ping\"}"))
                .isEqualTo("connect failed: Permission denied");
    }

    @Test
    void anotherUidPastTheFileModeIsRefusedByThePeerCheckAndNothingRuns() throws Exception {
        String op = "op-00000000000f0e19";
        String reply = OtherUidClient.send(NOBODY, true, daemon.socket,
                "{\"version\":1,\"method\":\"daemon.shutdown\",\"op_id\":\"" + op + "\"}");

        JsonNode frame = Json.mapper().readTree(reply);
        assertThat(frame.path("op_id").asText()).isEqualTo(op);
        assertThat(frame.at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(frame.at("/error/message").asText()).contains("uid 65534");
        try (RpcClient c = daemon.client()) {
            assertThat(c.callRaw("daemon.ping", null, null, e -> { }).path("pid").asLong())
                    .as("daemon.shutdown from a stranger must not have run").isEqualTo(daemon.process().pid());
        }
        assertThat(daemon.log().lines().filter(l -> l.contains(op)))
                .anySatisfy(l -> assertThat(l).contains("\"outcome\":\"unauthorized\"").contains("\"peer_uid\":65534"));
    }
}
