package dev.banger.plugins.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.banger.plugins.image.oci.BlobDigest;
import dev.banger.plugins.image.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an OCI image layout (oci-layout, index.json, blobs/sha256) from layer tars and a config, for
 * pushing to a test registry with skopeo. Images can be tagged alone or gathered under a
 * multi-platform index.
 */
public final class OciLayoutWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final ArrayNode tagged = JSON.createArrayNode();

    public enum Compression {
        NONE(""), GZIP("+gzip"), ZSTD("+zstd");

        private final String suffix;

        Compression(String suffix) {
            this.suffix = suffix;
        }
    }

    /** A written manifest: what an index or a tag points at. */
    public record Written(String mediaType, String digest, long size, Platform platform, List<String> layerDigests) {
    }

    public OciLayoutWriter(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        writeIndexJson();
    }

    public Path dir() {
        return dir;
    }

    /** Writes layers (uncompressed tars, base first), a config and a manifest for {@code platform}. */
    public Written image(Platform platform, List<byte[]> layerTars, Compression compression) throws IOException {
        ObjectNode config = JSON.createObjectNode().put("architecture", platform.architecture()).put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.putObject("config").putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        ArrayNode layers = manifest.putArray("layers");
        List<String> layerDigests = new ArrayList<>();
        for (byte[] tar : layerTars) {
            diffIds.add(BlobDigest.of(tar).toString());
            byte[] blob = switch (compression) {
                case NONE -> tar;
                case GZIP -> TarFixtures.gzip(tar);
                case ZSTD -> TarFixtures.zstd(tar);
            };
            layers.add(descriptor("application/vnd.oci.image.layer.v1.tar" + compression.suffix, blob(blob), blob.length));
            layerDigests.add(BlobDigest.of(blob).toString());
        }
        byte[] configBytes = JSON.writeValueAsBytes(config);
        manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", blob(configBytes), configBytes.length));
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        return new Written("application/vnd.oci.image.manifest.v1+json", blob(manifestBytes), manifestBytes.length, platform, layerDigests);
    }

    /** Writes an image index over {@code manifests}, each entry carrying its platform. */
    public Written index(List<Written> manifests) throws IOException {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode entries = index.putArray("manifests");
        for (Written m : manifests) {
            ObjectNode entry = descriptor(m.mediaType(), m.digest(), m.size());
            ObjectNode platform = entry.putObject("platform").put("architecture", m.platform().architecture()).put("os", m.platform().os());
            if (m.platform().variant() != null) {
                platform.put("variant", m.platform().variant());
            }
            entries.add(entry);
        }
        byte[] bytes = JSON.writeValueAsBytes(index);
        return new Written("application/vnd.oci.image.index.v1+json", blob(bytes), bytes.length, null, List.of());
    }

    /** Names {@code written} as {@code tag} in index.json, so {@code oci:DIR:TAG} finds it. */
    public void tag(String tag, Written written) throws IOException {
        ObjectNode entry = descriptor(written.mediaType(), written.digest(), written.size());
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        tagged.add(entry);
        writeIndexJson();
    }

    private String blob(byte[] content) throws IOException {
        BlobDigest digest = BlobDigest.of(content);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.hex()), content);
        return digest.toString();
    }

    private static ObjectNode descriptor(String mediaType, String digest, long size) {
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", size);
    }

    private void writeIndexJson() throws IOException {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
        index.set("manifests", tagged);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    }
}
