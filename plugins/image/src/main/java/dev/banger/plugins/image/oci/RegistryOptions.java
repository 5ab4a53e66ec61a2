package dev.banger.plugins.image.oci;

import java.time.Duration;
import java.util.Optional;

/**
 * How a pull talks to a registry.
 *
 * @param credentials       empty for anonymous
 * @param insecure          allow plain http to a non-loopback registry (loopback registries always use http)
 * @param maxManifestBytes  manifests and configs larger than this are refused
 * @param maxBlobBytes      layers larger than this are refused
 * @param maxAttempts       attempts per request on 5xx / I/O errors / timeouts (and interruptions per blob)
 * @param initialBackoff    first retry delay, doubled each time
 * @param timeout           connect timeout and time to response headers
 */
public record RegistryOptions(Optional<Credentials> credentials, boolean insecure, long maxManifestBytes,
        long maxBlobBytes, int maxAttempts, Duration initialBackoff, Duration timeout) {
    public static final long DEFAULT_MAX_MANIFEST_BYTES = 4L << 20;
    public static final long DEFAULT_MAX_BLOB_BYTES = 8L << 30;

    public static RegistryOptions defaults() {
        return new RegistryOptions(Optional.empty(), false, DEFAULT_MAX_MANIFEST_BYTES, DEFAULT_MAX_BLOB_BYTES, 4,
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public RegistryOptions withCredentials(Optional<Credentials> newCredentials) {
        return new RegistryOptions(newCredentials, insecure, maxManifestBytes, maxBlobBytes, maxAttempts, initialBackoff, timeout);
    }

    public RegistryOptions withInsecure(boolean allowPlainHttp) {
        return new RegistryOptions(credentials, allowPlainHttp, maxManifestBytes, maxBlobBytes, maxAttempts, initialBackoff, timeout);
    }

    public RegistryOptions withMaxBlobBytes(long limit) {
        return new RegistryOptions(credentials, insecure, maxManifestBytes, limit, maxAttempts, initialBackoff, timeout);
    }

    public RegistryOptions withTimeout(Duration newTimeout) {
        return new RegistryOptions(credentials, insecure, maxManifestBytes, maxBlobBytes, maxAttempts, initialBackoff, newTimeout);
    }

    public RegistryOptions withRetries(int attempts, Duration firstBackoff) {
        return new RegistryOptions(credentials, insecure, maxManifestBytes, maxBlobBytes, attempts, firstBackoff, timeout);
    }

    Duration backoff(int failedAttempts) {
        long millis = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 10);
        return Duration.ofMillis(Math.min(millis, 10_000));
    }
}
