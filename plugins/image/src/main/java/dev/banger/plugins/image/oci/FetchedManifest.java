package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;

/** A manifest or index exactly as the registry served it, with its verified digest. */
public record FetchedManifest(BlobDigest digest, String mediaType, byte[] bytes, JsonNode json) {
}
