package dev.banger.plugins.image.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.oci.LayerStreams;
import dev.banger.plugins.image.oci.Platform;
import dev.banger.plugins.image.rootfs.LayerSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an OCI image layout (index.json → manifest → layers), choosing linux/amd64 from an index. */
final class OciLayoutReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayoutReader() {
    }

    static FetchedLayers read(Path layout) throws IOException {
        JsonNode manifest = manifest(layout, JSON.readTree(layout.resolve("index.json").toFile()));
        List<LayerSupplier> layers = new ArrayList<>();
        for (JsonNode l : manifest.path("layers")) {
            Path blob = blob(layout, l.path("digest").asText());
            String mediaType = l.path("mediaType").asText();
            layers.add(LayerSupplier.of(l.path("digest").asText(), blob, () -> LayerStreams.open(blob, mediaType)));
        }
        return new FetchedLayers(layers, "import:" + layout, null);
    }

    /** Follows nested indexes until a manifest for linux/amd64 (or the only manifest) is found. */
    private static JsonNode manifest(Path layout, JsonNode index) throws IOException {
        List<String> offered = new ArrayList<>();
        for (JsonNode d : index.path("manifests")) {
            JsonNode p = d.path("platform");
            boolean fits = p.isMissingNode() || Platform.LINUX_AMD64.accepts(
                    new Platform(p.path("os").asText(), p.path("architecture").asText(), p.path("variant").asText(null)));
            offered.add(p.isMissingNode() ? "(no platform)" : p.path("os").asText() + "/" + p.path("architecture").asText());
            if (fits) {
                JsonNode next = JSON.readTree(blob(layout, d.path("digest").asText()).toFile());
                return next.has("manifests") ? manifest(layout, next) : next;
            }
        }
        throw RpcException.notFound(layout + " has no linux/amd64 image; it offers: " + String.join(", ", offered));
    }

    private static Path blob(Path layout, String digest) {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw RpcException.badRequest(layout + ": unsupported or malformed digest '" + digest + "'");
        }
        return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }
}
