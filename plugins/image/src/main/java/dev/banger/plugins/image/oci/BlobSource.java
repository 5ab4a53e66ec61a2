package dev.banger.plugins.image.oci;

import java.io.IOException;

/** Writes one blob's bytes into a staging file (a registry download, in production). */
@FunctionalInterface
public interface BlobSource {
    void writeTo(StagedBlob target) throws IOException;
}
