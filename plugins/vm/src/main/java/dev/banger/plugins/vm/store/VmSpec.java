package dev.banger.plugins.vm.store;

/** What the user asked for, after defaults: fixed at create (vcpu/memory changeable while stopped). */
public record VmSpec(String image, String kernel, int vcpu, int memoryMib, long diskBytes, String network, boolean nat) {
}
