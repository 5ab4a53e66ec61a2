package dev.banger.plugins.vm.api;

/**
 * What the CLI needs to run ssh itself: banger's key and its own known_hosts file. {@code netns} is set
 * when the guest lives in a network namespace ({@code [vm] netns}): ssh must then run inside it.
 */
public record SshInfo(String name, String host, int port, String user, String identity, String knownHosts, String netns) {
}
