package dev.banger.helper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.PrivateRanges;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.kernel.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads helper.toml (flat keys: owner_uid, owner_gid, bridge_prefix, subnet, netns, socket) and
 * applies command-line overrides. Everything is checked here, once, so a bad config stops the
 * helper at start instead of failing some call later.
 */
public final class HelperConfigLoader {
    private static final Set<String> KEYS = Set.of("owner_uid", "owner_gid", "bridge_prefix", "subnet", "netns", "socket");
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,6}-");
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private HelperConfigLoader() {
    }

    /** Flag values; null means "not given", so the file (or the default) decides. */
    public record Overrides(Path socket, Long ownerUid, Long ownerGid, String bridgePrefix, String subnet, String netns) {
    }

    public static HelperConfig load(Path file, Overrides o) throws ConfigException {
        JsonNode toml = read(file);
        Path socket = o.socket() != null ? o.socket() : pathOr(toml, "socket", HelperConfig.DEFAULT_SOCKET);
        Long uid = o.ownerUid() != null ? o.ownerUid() : number(toml, "owner_uid", file);
        if (uid == null) {
            throw new ConfigException("owner_uid is required (in " + file + " or --owner-uid): the uid bangerd runs as");
        }
        Long gid = o.ownerGid() != null ? o.ownerGid() : number(toml, "owner_gid", file);
        String prefix = o.bridgePrefix() != null ? o.bridgePrefix() : textOr(toml, "bridge_prefix", HelperConfig.DEFAULT_PREFIX);
        String subnet = o.subnet() != null ? o.subnet() : textOr(toml, "subnet", HelperConfig.DEFAULT_SUBNET);
        String netns = o.netns() != null ? o.netns() : textOr(toml, "netns", null);
        checkUid(uid, "owner_uid");
        checkUid(gid == null ? uid : gid, "owner_gid");
        return new HelperConfig(socket, uid, gid == null ? uid : gid, checkPrefix(prefix), checkSubnet(subnet), checkNetns(netns));
    }

    private static JsonNode read(Path file) throws ConfigException {
        if (file == null || !Files.exists(file)) {
            return new TomlMapper().createObjectNode();
        }
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid TOML: " + e.getMessage());
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key " + key + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return tree;
    }

    private static void checkUid(long id, String key) throws ConfigException {
        if (id < 0 || id > 0xFFFF_FFFEL) {
            throw new ConfigException(key + ": not a valid id: " + id);
        }
    }

    static String checkPrefix(String prefix) throws ConfigException {
        if (!PREFIX.matcher(prefix).matches()) {
            // at most 8 characters leaves 7 for the suffix within IFNAMSIZ
            throw new ConfigException("bridge_prefix: 2–8 characters, a lowercase letter, letters/digits, ending in '-'; got \"" + prefix + "\"");
        }
        return prefix;
    }

    static Ipv4Cidr checkSubnet(String subnet) throws ConfigException {
        try {
            Ipv4Cidr cidr = Ipv4Cidr.parse(subnet, "subnet");
            if (!PrivateRanges.contains(cidr) || cidr.address() != cidr.network()) {
                throw new ConfigException("subnet: must be a network (host bits zero) inside " + PrivateRanges.describe() + "; got " + subnet);
            }
            return cidr;
        } catch (RpcException e) {
            throw new ConfigException(e.detail());
        }
    }

    static String checkNetns(String netns) throws ConfigException {
        if (netns == null || netns.isEmpty()) {
            return null;
        }
        if (!NETNS.matcher(netns).matches()) {
            throw new ConfigException("netns: letters, digits, '_', '.', '-' (at most 64, no leading dot); got \"" + netns + "\"");
        }
        if (!Files.exists(Path.of("/run/netns", netns))) {
            throw new ConfigException("netns: no network namespace named " + netns + " (see `ip netns list`)");
        }
        return netns;
    }

    private static Long number(JsonNode toml, String key, Path file) throws ConfigException {
        JsonNode v = toml.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new ConfigException(file + ": " + key + " must be an integer");
        }
        return v.asLong();
    }

    private static String textOr(JsonNode toml, String key, String fallback) {
        JsonNode v = toml.get(key);
        return v == null ? fallback : v.asText();
    }

    private static Path pathOr(JsonNode toml, String key, Path fallback) {
        JsonNode v = toml.get(key);
        return v == null ? fallback : Path.of(v.asText());
    }
}
