package dev.banger.plugins.vm.net;

import dev.banger.helper.api.InterfaceName;
import dev.banger.helper.api.Ipv4;
import dev.banger.helper.api.Ipv4Cidr;
import dev.banger.helper.api.PingResult;
import dev.banger.helper.api.PrivClient;
import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.store.BridgeLease;
import dev.banger.plugins.vm.store.LeaseChooser;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * A bridge VM's network through bangerd-root: the lease (address + tap name) is chosen at create; the
 * bridge, the VM's tap and its NAT rules are made before each boot ({@link #up}) and the tap and NAT rules
 * removed when the VMM is gone ({@link #down}). The bridge stays: other VMs share it.
 */
public final class BridgeNetwork {
    private final BridgeSettings settings;
    private final IntSupplier dnsPort;

    public BridgeNetwork(BridgeSettings settings, IntSupplier dnsPort) {
        this.settings = settings;
        this.dnsPort = dnsPort;
    }

    public BridgeSettings settings() {
        return settings;
    }

    /** Is the helper there, and what does it manage? Fails with SocketHelperClient's clear message when it is not. */
    public PingResult reach(HelperClient helper) {
        PingResult ping = new PrivClient(helper).ping();
        if (!Objects.equals(ping.netns(), settings.netns().name())) {
            // the VMM must run where the helper puts its tap, or QEMU cannot open it
            throw new RpcException(ErrorCode.OPERATION_FAILED, "bangerd-root works in network namespace " + shown(ping.netns())
                    + " but config.toml [vm] netns is " + shown(settings.netns().name()) + "; they must name the same one");
        }
        return ping;
    }

    private static String shown(String netns) {
        return netns == null ? "(none: the host's)" : netns;
    }

    /** The lowest free address in the configured subnet, and a tap named after the VM's short id. */
    public LeaseChooser chooser(String vm, String id, PingResult helper) {
        String bridge = settings.bridgeName(helper.bridgePrefix());
        String tap = tapName(helper.bridgePrefix(), id);
        return (ips, taps) -> {
            if (taps.contains(tap)) {
                throw new RpcException(ErrorCode.CONFLICT, "tap " + tap + " is already held by another VM; create again (a new id is drawn)");
            }
            return new BridgeLease(vm, LowestFreeAddress.pick(settings.subnet(), ips), settings.subnet().toString(), tap, bridge);
        };
    }

    /** The helper's prefix + the id, cut to IFNAMSIZ: only prefixed names are the helper's to touch. */
    static String tapName(String prefix, String id) {
        String name = prefix + id;
        return InterfaceName.check(name.substring(0, Math.min(name.length(), InterfaceName.MAX_LENGTH)), "tap");
    }

    /** Bridge (idempotent), the VM's tap owned by the helper's owner, NAT when asked; each step is idempotent, so a retry is safe. */
    public void up(BridgeLease lease, boolean nat, HelperClient helper) {
        PrivClient priv = new PrivClient(helper);
        PingResult ping = priv.ping();
        priv.bridgeEnsure(lease.bridge(), gatewayOf(lease) + "/" + Ipv4Cidr.parse(lease.subnet(), "subnet").prefix());
        if (settings.dnsRoute()) {
            priv.resolverRoute(lease.bridge(), "127.0.0.1:" + dnsPort.getAsInt());
        }
        priv.tapCreate(lease.tap(), lease.bridge(), ping.ownerUid());
        if (nat) {
            priv.natEnable(lease.ip(), lease.tap());
        }
    }

    /** NAT rules (absent is fine, so no need to know whether they were made) and the tap. */
    public void down(BridgeLease lease, HelperClient helper) {
        PrivClient priv = new PrivClient(helper);
        priv.natDisable(lease.ip(), lease.tap());
        priv.tapDelete(lease.tap());
    }

    public static String gatewayOf(BridgeLease lease) {
        return Ipv4.format(Ipv4Cidr.parse(lease.subnet(), "subnet").network() + 1);
    }

    /** The guest's part of the kernel command line: address, gateway, and DNS servers when configured. */
    public String guestArgs(BridgeLease lease) {
        return "banger.ip=" + lease.ipWithPrefix() + " banger.gw=" + gatewayOf(lease)
                + (settings.guestDns() == null ? "" : " banger.dns=" + settings.guestDns());
    }
}
