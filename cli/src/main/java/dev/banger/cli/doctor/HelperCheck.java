package dev.banger.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.nio.file.Path;

/** bangerd-root is optional: without it only bridge networking (and NAT, .vm DNS routing) is unavailable. */
final class HelperCheck implements Check {
    @Override
    public String name() {
        return "helper";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        Path socket = ctx.settings().helperSocket();
        try (RpcClient c = RpcClient.connect(socket)) {
            JsonNode ping = c.callRaw("priv.ping", null, null, e -> { });
            return CheckResult.pass(name(), "bangerd-root " + ping.path("version").asText(),
                    "socket " + socket, "owner uid " + ping.path("owner_uid").asLong() + ", prefix " + ping.path("bridge_prefix").asText()
                            + ", subnet " + ping.path("subnet").asText() + (ping.path("netns").isTextual() ? ", netns " + ping.path("netns").asText() : ""));
        } catch (IOException | RuntimeException e) {
            return CheckResult.warn(name(), "not reachable: bridge networking unavailable",
                    "sudo banger system install --owner $USER (then `banger system start` where systemd is not running); --network user works without it",
                    socket + ": " + e.getMessage());
        }
    }
}
