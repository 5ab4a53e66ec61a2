package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code auths} section of a Docker client config ({@code ~/.docker/config.json}): either a
 * base64 {@code auth} of {@code user:password} or {@code username}/{@code password}. Credential helpers
 * ({@code credsStore}, {@code credHelpers}) are not consulted.
 */
final class DockerConfigAuths {
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private DockerConfigAuths() {
    }

    static Optional<Credentials> lookup(Path config, String registry) {
        if (config == null || !Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode auths;
        try {
            auths = new ObjectMapper().readTree(Files.readString(config)).path("auths");
        } catch (IOException e) {
            throw RpcException.badRequest("docker config " + config + " is not readable JSON: " + e.getMessage());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (sameRegistry(hostOf(entry.getKey()), registry)) {
                return decode(entry.getValue(), config, entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** {@code https://index.docker.io/v1/} → {@code index.docker.io}. */
    private static String hostOf(String key) {
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    private static boolean sameRegistry(String host, String registry) {
        return host.equals(registry) || (DOCKER_HUB_ALIASES.contains(host) && DOCKER_HUB_ALIASES.contains(registry));
    }

    private static Optional<Credentials> decode(JsonNode entry, Path config, String key) {
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            try {
                return Optional.of(Credentials.parse(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | RpcException e) {
                throw RpcException.badRequest("docker config " + config + ": auths." + key + ".auth is not base64 of user:password");
            }
        }
        String user = entry.path("username").asText("");
        return user.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, entry.path("password").asText("")));
    }
}
