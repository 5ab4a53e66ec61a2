package dev.banger.helper.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads interface state through {@code ip -j}, so every decision is made on what the kernel says now. */
public final class Links {
    private final HostCommands cmd;

    public Links(HostCommands cmd) {
        this.cmd = cmd;
    }

    public Optional<Link> find(String name) {
        CommandResult r = cmd.attempt("ip", null, "-d", "-j", "link", "show", "dev", name);
        if (!r.ok()) {
            if (r.stderr().contains("does not exist")) {
                return Optional.empty();
            }
            throw HostCommands.failed(r);
        }
        JsonNode link = parse(r).path(0);
        JsonNode info = link.path("linkinfo");
        String kind = info.path("info_kind").asText("");
        if ("tun".equals(kind)) {
            kind = info.path("info_data").path("type").asText("tun"); // "tap" or "tun"
        }
        String master = link.hasNonNull("master") ? link.get("master").asText() : null;
        boolean up = false;
        for (JsonNode flag : link.path("flags")) {
            up |= "UP".equals(flag.asText());
        }
        return Optional.of(new Link(name, kind, master, up));
    }

    /** The IPv4 addresses on {@code name}, as ADDRESS/PREFIX. */
    public List<String> ipv4Addresses(String name) {
        JsonNode r = parse(cmd.run("ip", null, "-j", "-4", "addr", "show", "dev", name));
        List<String> out = new ArrayList<>();
        for (JsonNode addr : r.path(0).path("addr_info")) {
            out.add(addr.path("local").asText() + "/" + addr.path("prefixlen").asInt());
        }
        return out;
    }

    /** The interfaces attached to bridge {@code name}. */
    public List<String> ports(String bridge) {
        return names(cmd.run("ip", null, "-j", "link", "show", "master", bridge));
    }

    public List<String> all() {
        return names(cmd.run("ip", null, "-j", "link", "show"));
    }

    /** The uid a tap is owned by (-1: anyone with CAP_NET_ADMIN), from sysfs as the namespace sees it. */
    public long tapOwner(String name) {
        String text = cmd.run("cat", null, "/sys/class/net/" + name + "/owner").stdout().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "unexpected owner of tap " + name + ": " + text);
        }
    }

    private static List<String> names(CommandResult r) {
        List<String> out = new ArrayList<>();
        for (JsonNode link : parse(r)) {
            out.add(link.path("ifname").asText());
        }
        return out;
    }

    private static JsonNode parse(CommandResult r) {
        String text = r.stdout().isBlank() ? "[]" : r.stdout();
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, String.join(" ", r.argv()) + " printed unreadable JSON: " + e.getMessage());
        }
    }
}
