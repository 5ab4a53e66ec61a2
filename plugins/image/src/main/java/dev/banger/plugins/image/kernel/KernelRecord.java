package dev.banger.plugins.image.kernel;

import java.time.Instant;

/**
 * The contents of {@code kernel.json}: what a stored kernel is and the digests of its files, so a
 * later reader can tell a complete kernel from a tampered or truncated one.
 *
 * @param initrdSha256 null when the kernel was imported without an initrd
 */
public record KernelRecord(String name, String version, String source, String vmlinuzSha256,
                           String initrdSha256, Instant createdAt) {
}
