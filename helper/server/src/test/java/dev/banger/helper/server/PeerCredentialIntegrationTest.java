package dev.banger.helper.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.PingResult;
import dev.banger.helper.api.PrivClient;
import dev.banger.kernel.core.helper.SocketHelperClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients really running as other uids (through setpriv) against the real helper. The helper's
 * owner is 65534 here, so "the owner is served" is proven with a uid that is not root. A
 * stranger cannot even open the 0600 socket; given CAP_DAC_OVERRIDE to get past the file mode,
 * it reaches the SO_PEERCRED check and is refused there.
 */
class PeerCredentialIntegrationTest {
    private static final long OWNER = 65534;
    private static final long STRANGER = 65533;
    private static final String PYTHON = "/usr/bin/python3";
    private static final String CLIENT = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX)",
            "try:",
            "    s.connect(sys.argv[1])",
            "except OSError as e:",
            "    print('connect failed: ' + e.strerror); sys.exit(3)",
            "s.sendall((sys.argv[2] + '\\n').encode())",
            "print(s.makefile().readline().strip())");
    @TempDir
    Path tmp;
    private HelperServer server;
    private Path socket;

    @BeforeEach
    void start() throws Exception {
        HostSupport.assumeRootWith("setpriv");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is needed as the other-uid client");
        // the other uids must be able to pass through the temp dir to reach the socket
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        socket = tmp.resolve("run/bangerd-root.sock");
        server = new HelperServer(new HelperConfig(socket, OWNER, OWNER, "bgr-", Ipv4Cidr.parse("172.16.0.0/12", "subnet"), null),
                new ProcessCommandRunner());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void socketAndDirectoryModes() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(Files.getAttribute(socket, "unix:uid")).isEqualTo((int) OWNER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx--x--x");
        assertThat(Files.getAttribute(socket.getParent(), "unix:uid")).isEqualTo(0);
    }

    @Test
    void theOwnerIsServed() {
        JsonNode reply = asUid(OWNER, false, "{\"version\":1,\"method\":\"priv.ping\",\"op_id\":\"op-00000000000000b1\"}");
        assertThat(reply.path("op_id").asText()).isEqualTo("op-00000000000000b1");
        assertThat(reply.path("result").path("owner_uid").asLong()).isEqualTo(OWNER);
    }

    @Test
    void rootIsServed() {
        PingResult ping = new PrivClient(new SocketHelperClient(socket, "op-00000000000000b2")).ping();
        assertThat(ping.helper()).isEqualTo("bangerd-root");
    }

    @Test
    void aStrangerIsStoppedByTheFileModeAndThenByThePeerCheck() {
        assertThat(run(STRANGER, false, "{\"version\":1,\"method\":\"priv.ping\"}")).contains("connect failed: Permission denied");
        try (CapturedLog log = new CapturedLog()) {
            JsonNode reply = asUid(STRANGER, true, "{\"version\":1,\"method\":\"priv.ping\",\"op_id\":\"op-00000000000000b3\"}");
            assertThat(reply.path("error").path("code").asText()).isEqualTo("unauthorized");
            JsonNode line = log.forOp("op-00000000000000b3").get(0);
            assertThat(line.path("msg").asText()).isEqualTo("helper rpc failed");
            assertThat(line.path("error_code").asText()).isEqualTo("unauthorized");
            assertThat(line.path("peer_uid").asLong()).isEqualTo(STRANGER);
            assertThat(line.path("peer_pid").asLong()).isPositive();
        }
    }

    private JsonNode asUid(long uid, boolean dacOverride, String request) {
        return TestNetns.json(run(uid, dacOverride, request));
    }

    private String run(long uid, boolean dacOverride, String request) {
        List<String> argv = new ArrayList<>(List.of(Binaries.path("setpriv"), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        if (dacOverride) {
            argv.addAll(List.of("--inh-caps=+dac_override", "--ambient-caps=+dac_override"));
        }
        argv.addAll(List.of(PYTHON, "-c", CLIENT, socket.toString(), request));
        return new ProcessCommandRunner().run(argv, null).stdout().strip();
    }
}
