package dev.banger.plugins.vm.api;

import java.util.List;

/**
 * vm.ssh_config: the ssh client config banger keeps at {@code file} (what {@code text} holds), the key and
 * known_hosts it names, and one host per VM reached on a forwarded address.
 */
public record SshConfigResult(String file, String identity, String knownHosts, List<Host> hosts, String text) {
    /** {@code NAME.vm} → host:port, as pinned in banger's known_hosts. */
    public record Host(String name, String host, int port) {
    }
}
