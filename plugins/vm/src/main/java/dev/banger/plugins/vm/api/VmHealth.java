package dev.banger.plugins.vm.api;

/**
 * vm.health: the recorded {@code state}, what the VMM itself says ({@code vmm}, e.g. {@code running}, or
 * {@code gone: …}; {@code none} when no VMM was launched) and whether the guest's sshd sends its banner.
 */
public record VmHealth(String name, String state, String vmm, boolean ssh) {
}
