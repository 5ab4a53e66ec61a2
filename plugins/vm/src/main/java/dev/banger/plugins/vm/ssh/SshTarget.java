package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/**
 * Where a guest's sshd is reached: {@code 127.0.0.1:<forwarded port>} in user networking, the guest's IP on
 * port 22 in bridge networking. Validated because these strings end up in ssh's argv and in known_hosts.
 */
public record SshTarget(String host, int port, String user) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public SshTarget {
        if (host == null || !HOST.matcher(host).matches()) {
            throw RpcException.badRequest("invalid ssh host: " + host);
        }
        if (port < 1 || port > 65535) {
            throw RpcException.badRequest("invalid ssh port: " + port);
        }
        if (user == null || !USER.matcher(user).matches()) {
            throw RpcException.badRequest("invalid ssh user: " + user);
        }
    }

    /** Guests are always entered as root. */
    public static SshTarget root(String host, int port) {
        return new SshTarget(host, port, "root");
    }

    /** The host pattern OpenSSH writes and looks up in known_hosts: {@code [host]:port}, or bare host on 22. */
    public String knownHostsAddress() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
