package dev.banger.helper.server;

import dev.banger.helper.api.Ipv4Cidr;
import java.nio.file.Path;

/**
 * What bangerd-root serves and for whom. {@code netns} null means the host's own network
 * namespace; when set, every network operation happens inside that namespace instead.
 */
public record HelperConfig(Path socket, long ownerUid, long ownerGid, String bridgePrefix, Ipv4Cidr subnet,
                           String netns) {
    public static final Path DEFAULT_SOCKET = Path.of("/run/banger-root/bangerd-root.sock");
    public static final Path DEFAULT_CONFIG = Path.of("/etc/banger/helper.toml");
    /** Short, so a prefix plus a useful suffix fits IFNAMSIZ; and unlike br-/tap- unlikely to clash with other tools. */
    public static final String DEFAULT_PREFIX = "bgr-";
    public static final String DEFAULT_SUBNET = "172.16.0.0/12";

    public boolean inNamespace() {
        return netns != null;
    }
}
