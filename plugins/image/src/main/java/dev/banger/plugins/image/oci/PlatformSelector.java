package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.util.ArrayList;
import java.util.List;

/** Picks the manifest for one platform out of an OCI index or Docker manifest list. */
final class PlatformSelector {
    private PlatformSelector() {
    }

    static Descriptor select(ImageReference reference, FetchedManifest index, Platform wanted) {
        List<String> offered = new ArrayList<>();
        for (JsonNode entry : index.json().path("manifests")) {
            Descriptor candidate = Descriptor.fromJson(entry, "an entry of the index of " + reference);
            if (candidate.platform() == null) {
                continue;
            }
            if (wanted.accepts(candidate.platform()) && MediaTypes.isImageManifest(candidate.mediaType())) {
                return candidate;
            }
            offered.add(candidate.platform().toString());
        }
        throw new RpcException(ErrorCode.NOT_FOUND, "Tried to pull " + reference + " but it has no " + wanted
                + " image; the registry offers: " + (offered.isEmpty() ? "no platforms at all" : String.join(", ", offered)));
    }
}
