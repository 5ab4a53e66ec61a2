package dev.banger.plugins.vm.api;

import java.time.Instant;

/**
 * A VM as the vm plugin records it. {@code state} is one of created, starting, running, stopping,
 * stopped, error. {@code ssh_port} is the 127.0.0.1 port forwarded to the guest's sshd (user
 * networking); {@code ip} is the guest's address.
 */
public record VmSummary(String name, String state, String image, String kernel, int vcpu, int memoryMib, long diskBytes,
                        String network, String backend, Integer sshPort, String ip, Long pid, Instant createdAt,
                        Instant updatedAt, String lastError) {
}
