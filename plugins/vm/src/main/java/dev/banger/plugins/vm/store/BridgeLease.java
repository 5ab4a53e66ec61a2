package dev.banger.plugins.vm.store;

/**
 * A bridge VM's network identity, held for the VM's whole life (stopped too, so `vm start` brings it
 * back on the same address): its address in {@code subnet} (e.g. 172.30.0.0/24), its tap and the
 * bridge that tap joins. Unique per address and per tap in the store, so two VMs can never share either.
 */
public record BridgeLease(String vm, String ip, String subnet, String tap, String bridge) {
    /** {@code ADDRESS/PREFIX}, as the guest's {@code banger.ip=} wants it. */
    public String ipWithPrefix() {
        return ip + subnet.substring(subnet.indexOf('/'));
    }
}
