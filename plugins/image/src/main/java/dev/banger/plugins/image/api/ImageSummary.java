package dev.banger.plugins.image.api;

import java.time.Instant;

/**
 * One registered image. {@code source} is the reference it was pulled from, {@code catalog:<name>}
 * or {@code import:<path>}; {@code features} says what the guest has (systemd, sshd, init path).
 */
public record ImageSummary(String name, String source, String digest, String rootfs, long sizeBytes, long contentBytes,
                           GuestInfo guest, Instant createdAt) {
}
