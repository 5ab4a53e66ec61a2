package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/** The parts of an OCI or Docker v2 image manifest a pull needs: the config and the layers, base first. */
record ImageManifest(Descriptor config, List<Descriptor> layers) {

    static ImageManifest parse(ImageReference reference, FetchedManifest manifest) {
        if (!MediaTypes.isImageManifest(manifest.mediaType())) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but the registry served a manifest of type '"
                    + manifest.mediaType() + "'; only OCI and Docker v2 image manifests are supported (not schema1)");
        }
        String where = "the manifest " + manifest.digest() + " of " + reference;
        Descriptor config = Descriptor.fromJson(manifest.json().path("config"), where + " (config)");
        List<Descriptor> layers = new ArrayList<>();
        for (JsonNode layer : manifest.json().path("layers")) {
            layers.add(Descriptor.fromJson(layer, where + " (layer " + (layers.size() + 1) + ")"));
        }
        if (layers.isEmpty()) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, where + " lists no layers");
        }
        return new ImageManifest(config, List.copyOf(layers));
    }

    long totalLayerBytes() {
        return layers.stream().mapToLong(Descriptor::size).sum();
    }
}
