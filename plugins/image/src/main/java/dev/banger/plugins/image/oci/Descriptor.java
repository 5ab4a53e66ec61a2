package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;

/** An OCI content descriptor: what a manifest says about a config, layer or (in an index) a manifest. */
record Descriptor(String mediaType, BlobDigest digest, long size, Platform platform) {

    static Descriptor fromJson(JsonNode node, String where) {
        if (!node.path("digest").isTextual() || !node.path("size").canConvertToLong()) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, where + " is missing a digest or size: " + node);
        }
        long size = node.path("size").asLong();
        if (size < 0) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, where + " declares a negative size: " + node);
        }
        BlobDigest digest;
        try {
            digest = BlobDigest.parse(node.path("digest").asText());
        } catch (RpcException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, where + ": " + e.detail());
        }
        Platform platform = node.has("platform") ? Platform.fromJson(node.path("platform")) : null;
        return new Descriptor(node.path("mediaType").asText(""), digest, size, platform);
    }
}
