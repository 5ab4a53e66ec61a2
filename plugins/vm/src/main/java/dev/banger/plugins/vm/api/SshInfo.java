package dev.banger.plugins.vm.api;

/** What the CLI needs to run ssh itself: banger's key and its own known_hosts file. */
public record SshInfo(String name, String host, int port, String user, String identity, String knownHosts) {
}
