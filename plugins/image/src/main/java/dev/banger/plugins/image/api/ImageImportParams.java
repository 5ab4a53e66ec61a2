package dev.banger.plugins.image.api;

import dev.banger.kernel.api.Params;

/** image.import: {@code path} on the daemon's host is a root filesystem directory, a tar (.tar, .tar.gz, .tar.zst) or an OCI image layout. */
public record ImageImportParams(String name, String path, Long sizeBytes, Boolean force) {
    public ImageImportParams {
        Params.required(name, "params.name");
        Params.required(path, "params.path");
        if (sizeBytes != null) {
            Params.positive(sizeBytes, "params.size_bytes");
        }
    }
}
