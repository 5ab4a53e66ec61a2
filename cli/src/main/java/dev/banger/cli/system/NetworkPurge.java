package dev.banger.cli.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `uninstall --purge`: removes banger's NAT rules, taps and bridges through the helper's own delete
 * operations (so the same validation and prefix rules apply). Only interfaces carrying the helper's
 * prefix are touched; without a reachable helper nothing is, and it says so.
 */
final class NetworkPurge {
    private NetworkPurge() {
    }

    static void run(Path helperSocket, PrintStream out) {
        try (RpcClient helper = RpcClient.connect(helperSocket)) {
            JsonNode ping = helper.callRaw("priv.ping", null, null, e -> { });
            String prefix = ping.path("bridge_prefix").asText();
            String netns = ping.path("netns").isTextual() ? ping.path("netns").asText() : null;
            for (JsonNode nat : helper.callRaw("priv.nat.list", null, null, e -> { }).path("entries")) {
                helper.callRaw("priv.nat.disable", Map.of("guest_ip", nat.path("guest_ip").asText(), "tap", nat.path("tap").asText()), null, e -> { });
                out.println("removed NAT for " + nat.path("guest_ip").asText());
            }
            List<String[]> links = links(prefix, netns);
            for (String kind : List.of("tun", "bridge")) { // taps first: a bridge with ports refuses deletion
                for (String[] l : links) {
                    if (l[1].equals(kind)) {
                        helper.callRaw(kind.equals("tun") ? "priv.tap.delete" : "priv.bridge.delete", Map.of("name", l[0]), null, e -> { });
                        out.println("removed " + (kind.equals("tun") ? "tap " : "bridge ") + l[0]);
                    }
                }
            }
        } catch (IOException e) {
            out.println("bangerd-root not reachable (" + e.getMessage() + "): banger's network objects (NAT table ip banger, "
                    + "bgr-* bridges and taps) were not checked; start it (`banger system start`) and purge again, or remove them by hand");
        }
    }

    /** {name, kind} of every link whose name starts with the prefix, in the helper's namespace. */
    private static List<String[]> links(String prefix, String netns) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (netns != null) {
            argv.addAll(List.of("-n", netns));
        }
        argv.addAll(List.of("-j", "-d", "link", "show"));
        String json = HostCommand.of(argv).timeout(Duration.ofSeconds(10)).purpose("list network interfaces").run().stdout();
        List<String[]> found = new ArrayList<>();
        for (JsonNode l : Json.mapper().readTree(json)) {
            String name = l.path("ifname").asText();
            if (name.startsWith(prefix)) {
                found.add(new String[] {name, l.path("linkinfo").path("info_kind").asText()});
            }
        }
        return found;
    }
}
