package dev.banger.plugins.image.oci;

import java.nio.file.Path;

/** What {@code image.cache.prune} freed (or would free, on a dry run). */
public record PruneResult(long bytesFreed, long blobsFreed, boolean dryRun, Path cacheDir) {
}
