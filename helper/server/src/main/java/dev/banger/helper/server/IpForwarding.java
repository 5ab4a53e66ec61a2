package dev.banger.helper.server;

/**
 * NAT needs IPv4 forwarding. It is a per-namespace setting, so with a configured namespace only
 * that namespace's forwarding is switched on, never the host's. It is left on when NAT is
 * disabled: other software on the host may rely on it, and turning it off is not banger's call.
 */
public final class IpForwarding {
    private final HostCommands cmd;

    public IpForwarding(HostCommands cmd) {
        this.cmd = cmd;
    }

    public void enable() {
        cmd.run("sysctl", null, "-q", "-w", "net.ipv4.ip_forward=1");
    }
}
