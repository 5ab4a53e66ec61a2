package dev.banger.plugins.image.api;

import java.time.Instant;

/** A stored guest kernel: where its files are, so the VM plugin can boot it. {@code initrd} may be null. */
public record KernelSummary(String name, String version, String source, String vmlinuz, String initrd, Instant createdAt) {
}
