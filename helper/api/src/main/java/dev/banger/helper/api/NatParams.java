package dev.banger.helper.api;

/** {@code priv.nat.enable} / {@code priv.nat.disable}: outbound NAT for one guest behind its tap. */
public record NatParams(String guestIp, String tap) {
    public NatParams {
        GuestAddress.check(guestIp, "params.guest_ip");
        InterfaceName.check(tap, "params.tap");
    }
}
