package dev.banger.plugins.image.api;

/** What image.cache.prune freed (or would free, with dry_run) in the OCI blob cache. */
public record CachePruneResult(long bytesFreed, long blobsFreed, boolean dryRun, String cacheDir) {
}
