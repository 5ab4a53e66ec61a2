package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Writes uncompressed layer tars as a minimal OCI image layout (oci-layout, index.json, blobs/sha256/...). */
final class OciLayoutFixture {
    private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";

    private OciLayoutFixture() {
    }

    static void write(Path layout, List<byte[]> layers, String tag) throws IOException {
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        StringBuilder layerDescriptors = new StringBuilder();
        for (byte[] layer : layers) {
            layerDescriptors.append(layerDescriptors.length() == 0 ? "" : ",").append(descriptor(LAYER_TYPE, blob(layout, layer), layer.length));
        }
        String diffIds = layers.stream().map(l -> "\"sha256:" + sha256(l) + "\"").collect(Collectors.joining(","));
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":"
                + descriptor(CONFIG_TYPE, blob(layout, config), config.length) + ",\"layers\":[" + layerDescriptors + "]}")
                .getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(layout, manifest);
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MANIFEST_TYPE
                + "\",\"digest\":\"sha256:" + manifestDigest + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
    }

    private static String descriptor(String mediaType, String hex, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"sha256:" + hex + "\",\"size\":" + size + "}";
    }

    private static String blob(Path layout, byte[] content) throws IOException {
        String hex = sha256(content);
        Files.write(layout.resolve("blobs/sha256").resolve(hex), content);
        return hex;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
