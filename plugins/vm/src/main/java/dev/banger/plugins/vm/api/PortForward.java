package dev.banger.plugins.vm.api;

/** 127.0.0.1:{@code host_port} → the guest's {@code guest_port} (TCP); {@code ssh} marks the one create made, which stays. */
public record PortForward(int hostPort, int guestPort, boolean ssh) {
}
