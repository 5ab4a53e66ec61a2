package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.RpcException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A sha256 content digest ({@code sha256:<64 hex>}); the only algorithm OCI registries use in practice. */
public record BlobDigest(String hex) {
    private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

    public BlobDigest {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw RpcException.badRequest("digest: expected 64 lowercase hex digits, got '" + hex + "'");
        }
    }

    public static BlobDigest parse(String digest) {
        if (digest == null || !digest.startsWith("sha256:")) {
            throw RpcException.badRequest("digest '" + digest + "': only sha256:<hex> digests are supported");
        }
        return new BlobDigest(digest.substring("sha256:".length()));
    }

    public static BlobDigest of(byte[] content) {
        return fromDigest(newSha256().digest(content));
    }

    public static BlobDigest fromDigest(byte[] sha256) {
        return new BlobDigest(HexFormat.of().formatHex(sha256));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** For stage texts: {@code sha256:0123456789ab}. */
    public String shortForm() {
        return "sha256:" + hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
