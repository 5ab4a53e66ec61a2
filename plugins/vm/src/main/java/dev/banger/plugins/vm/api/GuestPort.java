package dev.banger.plugins.vm.api;

/**
 * One listening socket in the guest, as {@code ss} reports it: {@code proto} tcp or udp, {@code address}
 * without IPv6 brackets (an interface scope like {@code %lo} kept), {@code process} the owning program(s), or null.
 */
public record GuestPort(String proto, String address, int port, String process) {
}
