package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a registry's auth challenges for one client. Bearer tokens are cached per scope in this
 * instance only: a token fetched for one repository is never offered for another scope, and a new
 * client (a new pull) always fetches its own.
 */
final class RegistryAuth {
    private static final long MAX_TOKEN_RESPONSE = 1 << 20;
    private final RegistryHttp http;
    private final Optional<Credentials> credentials;
    private final String registry;
    private final Map<String, String> authorizationByScope = new HashMap<>();

    RegistryAuth(RegistryHttp http, Optional<Credentials> credentials, String registry) {
        this.http = http;
        this.credentials = credentials;
        this.registry = registry;
    }

    Optional<String> authorization(String scope) {
        return Optional.ofNullable(authorizationByScope.get(scope));
    }

    /** Obtains an Authorization for {@code scope} that answers {@code challenge}, or throws unauthorized. */
    void answer(AuthChallenge challenge, String scope) {
        switch (challenge.scheme()) {
            case "basic" -> authorizationByScope.put(scope, requireCredentials("Basic").basicAuthorization());
            case "bearer" -> authorizationByScope.put(scope, "Bearer " + fetchToken(challenge, scope));
            default -> throw new RpcException(ErrorCode.UNAUTHORIZED, registry
                    + " asks for an unsupported authentication scheme '" + challenge.scheme() + "'");
        }
    }

    /** Describes who was refused, for the unauthorized message after a failed retry. */
    String refusedWho() {
        return credentials.map(c -> "the credentials of user '" + c.username() + "'").orElse("anonymous access");
    }

    private Credentials requireCredentials(String scheme) {
        return credentials.orElseThrow(() -> new RpcException(ErrorCode.UNAUTHORIZED, registry + " requires " + scheme
                + " credentials: pass --creds user:password, set " + Credentials.ENV_USER + "/" + Credentials.ENV_PASSWORD
                + ", or add it to the auths of ~/.docker/config.json"));
    }

    private String fetchToken(AuthChallenge challenge, String scope) {
        if (challenge.realm() == null) {
            throw new RpcException(ErrorCode.UNAUTHORIZED, registry + " sent a Bearer challenge without a realm");
        }
        URI tokenUri = URI.create(challenge.realm() + (challenge.realm().contains("?") ? "&" : "?")
                + query("service", challenge.service()) + "&" + query("scope", challenge.scope() != null ? challenge.scope() : scope));
        Map<String, String> headers = new HashMap<>();
        credentials.ifPresent(c -> headers.put("Authorization", c.basicAuthorization()));
        HttpResponse<InputStream> response = http.get(tokenUri, headers);
        try {
            byte[] body = BoundedBody.read(response, MAX_TOKEN_RESPONSE, "the token response from " + challenge.realm());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new RpcException(ErrorCode.UNAUTHORIZED, "the token server " + challenge.realm() + " of " + registry
                        + " refused " + refusedWho() + " (HTTP " + response.statusCode() + ")");
            }
            if (response.statusCode() != 200) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "the token server " + challenge.realm() + " answered HTTP "
                        + response.statusCode() + ": " + new String(body, StandardCharsets.UTF_8).strip());
            }
            JsonNode json = new ObjectMapper().readTree(body);
            String token = json.path("token").asText(json.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "the token server " + challenge.realm() + " returned no token");
            }
            return token;
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "reading a token from " + challenge.realm() + " failed: " + e, e);
        }
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
