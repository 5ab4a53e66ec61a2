package dev.banger.plugins.vm.api;

/**
 * vm.dns: where the daemon answers DNS queries for {@code <name>.vm} (UDP, loopback only), and the file
 * in the runtime dir that holds the same port for tools that cannot call the daemon.
 */
public record VmDnsInfo(String address, int port, String zone, String portFile) {
}
