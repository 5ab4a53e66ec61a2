package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.RpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A registry user name and password. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
    public static final String ENV_USER = "BANGER_REGISTRY_USER";
    public static final String ENV_PASSWORD = "BANGER_REGISTRY_PASSWORD";

    /** Parses an explicit {@code --creds user:password} value. */
    public static Credentials parse(String userColonPassword) {
        int colon = userColonPassword == null ? -1 : userColonPassword.indexOf(':');
        if (colon <= 0) {
            throw RpcException.badRequest("creds: expected user:password");
        }
        return new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    /**
     * The credentials for {@code registry} (as written in the reference, e.g. {@code docker.io} or
     * {@code localhost:5000}): explicit {@code user:password} first, then {@code BANGER_REGISTRY_USER}
     * / {@code BANGER_REGISTRY_PASSWORD} from {@code env}, then the {@code auths} of the Docker config file.
     * Empty means anonymous.
     */
    public static Optional<Credentials> resolve(String registry, String explicit, Map<String, String> env, Path dockerConfig) {
        if (explicit != null && !explicit.isEmpty()) {
            return Optional.of(parse(explicit));
        }
        String user = env.get(ENV_USER);
        if (user != null && !user.isEmpty()) {
            return Optional.of(new Credentials(user, env.getOrDefault(ENV_PASSWORD, "")));
        }
        return DockerConfigAuths.lookup(dockerConfig, registry);
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path defaultDockerConfig(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isEmpty()) {
            return Path.of(dir, "config.json");
        }
        return Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    String basicAuthorization() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
