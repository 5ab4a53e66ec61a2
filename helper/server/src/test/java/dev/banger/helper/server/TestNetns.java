package dev.banger.helper.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A network namespace of the test's own ({@code banger-test-<random>}), so no bridge, tap or
 * private address ever appears in the host's namespace. Closing deletes it, and everything in it.
 */
final class TestNetns implements AutoCloseable {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    final String name;

    TestNetns() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        name = "banger-test-" + HexFormat.of().formatHex(b);
        must(List.of(Binaries.path("ip"), "netns", "add", name));
    }

    /** Runs {@code cmd...} inside the namespace and returns its stdout. */
    String exec(String... cmd) {
        List<String> argv = new ArrayList<>(List.of(Binaries.path("ip"), "netns", "exec", name));
        argv.addAll(List.of(cmd));
        return must(argv);
    }

    List<String> linkNames() {
        List<String> out = new ArrayList<>();
        json(exec("ip", "-j", "link", "show")).forEach(l -> out.add(l.path("ifname").asText()));
        return out;
    }

    JsonNode link(String dev) {
        return json(exec("ip", "-d", "-j", "link", "show", "dev", dev)).path(0);
    }

    JsonNode addresses(String dev) {
        return json(exec("ip", "-j", "-4", "addr", "show", "dev", dev)).path(0).path("addr_info");
    }

    String ruleset() {
        return exec("nft", "list", "ruleset");
    }

    /**
     * Interfaces (name, kind, master, owner), IPv4 addresses and nftables, for before/after
     * comparisons. Leaves out what the kernel changes by itself (IPv6 DAD flags, counters).
     */
    String snapshot() {
        StringBuilder s = new StringBuilder();
        for (JsonNode l : json(exec("ip", "-d", "-j", "link", "show"))) {
            s.append(l.path("ifname").asText()).append(' ').append(l.path("linkinfo").path("info_kind").asText())
                    .append(' ').append(l.path("master").asText()).append(' ')
                    .append(l.path("linkinfo").path("info_data").path("user").asText()).append('\n');
        }
        return s + exec("ip", "-4", "-br", "addr", "show") + ruleset();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.isBlank() ? "[]" : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String must(List<String> argv) {
        CommandResult r = runner.run(argv, null);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + r.stderr());
        }
        return r.stdout();
    }

    @Override
    public void close() {
        runner.run(List.of(Binaries.path("ip"), "netns", "delete", name), null);
    }
}
