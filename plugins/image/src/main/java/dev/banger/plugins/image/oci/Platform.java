package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.RpcException;

/** An OCI platform ({@code os/architecture[/variant]}), as found in image indexes. */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    /** Parses {@code linux/amd64} or {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw RpcException.badRequest("platform '" + text + "': expected os/architecture[/variant]");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    static Platform fromJson(JsonNode platform) {
        String variant = platform.path("variant").asText("");
        return new Platform(platform.path("os").asText("unknown"), platform.path("architecture").asText("unknown"),
                variant.isEmpty() ? null : variant);
    }

    /** A platform without a variant accepts any variant of its os/architecture. */
    public boolean accepts(Platform offered) {
        return os.equals(offered.os) && architecture.equals(offered.architecture)
                && (variant == null || variant.equals(offered.variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
