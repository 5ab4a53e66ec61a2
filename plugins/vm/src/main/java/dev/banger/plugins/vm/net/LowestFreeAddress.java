package dev.banger.plugins.vm.net;

import dev.banger.helper.api.Ipv4;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.Set;

/**
 * Picks a guest address: the lowest one in the subnet that is neither the network, the gateway
 * (the bridge's own address, network + 1), the broadcast address, nor held by another VM. Lowest
 * rather than random so addresses are predictable and a deleted VM's address is reused first.
 */
public final class LowestFreeAddress {
    private LowestFreeAddress() {
    }

    public static String pick(Ipv4Cidr subnet, Set<String> taken) {
        int gateway = subnet.network() + 1;
        for (long a = Integer.toUnsignedLong(gateway) + 1; a < Integer.toUnsignedLong(subnet.broadcast()); a++) {
            String candidate = Ipv4.format((int) a);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED, "no free address left in the bridge subnet " + subnet + " ("
                + taken.size() + " VMs hold one); delete a VM, or set a larger bridge_subnet in config.toml [vm]");
    }
}
