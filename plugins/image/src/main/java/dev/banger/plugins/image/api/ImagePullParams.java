package dev.banger.plugins.image.api;

import dev.banger.kernel.api.Params;

/**
 * image.pull: {@code ref} is a catalog entry ({@code debian-bookworm}) or an OCI reference
 * ({@code debian:bookworm}, {@code host:port/a/b:tag}, {@code ...@sha256:...}). {@code creds} is
 * {@code user:password}; {@code insecure} allows plain http to a non-loopback registry.
 */
public record ImagePullParams(String ref, String name, Long sizeBytes, String creds, Boolean insecure, String platform, Boolean force) {
    public ImagePullParams {
        Params.required(ref, "params.ref");
        if (sizeBytes != null) {
            Params.positive(sizeBytes, "params.size_bytes");
        }
    }
}
