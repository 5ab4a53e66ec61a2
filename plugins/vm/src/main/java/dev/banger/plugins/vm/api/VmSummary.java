package dev.banger.plugins.vm.api;

import java.time.Instant;

public record VmSummary(String name, String state, String image, int vcpu, int memoryMib, String backend, Instant createdAt) {
}
