package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.RpcException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of banger's known_hosts: {@code ADDRESS KEYTYPE BASE64 banger-vm=NAME}. OpenSSH treats the
 * trailing field as a comment; banger uses it to find a VM's lines again.
 */
public record KnownHostsLine(String address, String keyType, String keyBase64, String vmName) {
    static final String MARKER = "banger-vm=";
    private static final Pattern VM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY_TYPE = Pattern.compile("[a-z0-9@.-]{1,64}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public KnownHostsLine {
        requireVmName(vmName);
        if (!KEY_TYPE.matcher(keyType).matches() || !BASE64.matcher(keyBase64).matches()) {
            throw RpcException.badRequest("not an ssh public key: " + keyType + " " + keyBase64);
        }
    }

    /** Builds a line from a public key in .pub form ({@code ssh-ed25519 AAAA… [comment]}). */
    static KnownHostsLine of(String vmName, SshTarget target, String publicKeyLine) {
        String[] f = publicKeyLine.strip().split("\\s+");
        if (f.length < 2) {
            throw RpcException.badRequest("not an ssh public key line: " + publicKeyLine);
        }
        return new KnownHostsLine(target.knownHostsAddress(), f[0], f[1], vmName);
    }

    /** The line if it is one of banger's, empty for comments, blank lines and anything else. */
    static Optional<KnownHostsLine> parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 4 || !f[3].startsWith(MARKER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KnownHostsLine(f[0], f[1], f[2], f[3].substring(MARKER.length())));
        } catch (RpcException malformed) {
            return Optional.empty();
        }
    }

    static void requireVmName(String vmName) {
        if (vmName == null || !VM_NAME.matcher(vmName).matches()) {
            throw RpcException.badRequest("invalid VM name for known_hosts: " + vmName);
        }
    }

    /** The host part of the address: {@code 127.0.0.1} of {@code [127.0.0.1]:40121}. */
    public String host() {
        return address.startsWith("[") ? address.substring(1, address.indexOf(']')) : address;
    }

    /** The port of the address; 22 when the address has none (OpenSSH's own rule). */
    public int port() {
        return address.startsWith("[") ? Integer.parseInt(address.substring(address.indexOf("]:") + 2)) : 22;
    }

    KnownHostsLine at(String otherAddress) {
        return new KnownHostsLine(otherAddress, keyType, keyBase64, vmName);
    }

    boolean sameKey(KnownHostsLine other) {
        return keyType.equals(other.keyType) && keyBase64.equals(other.keyBase64);
    }

    String format() {
        return address + " " + keyType + " " + keyBase64 + " " + MARKER + vmName;
    }
}
