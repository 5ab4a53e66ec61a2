package dev.banger.plugins.image.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to one repository of one registry for one pull (tokens are not shared with other clients).
 * Manifests are fetched with the full Accept list and verified; blobs are opened as streams for
 * {@link RegistryBlobSource}.
 */
public final class RegistryClient {
    private final ImageReference reference;
    private final RegistryOptions options;
    private final RegistryHttp http;
    private final RegistryAuth auth;
    private final String baseUri;
    private final String pullScope;

    public RegistryClient(ImageReference reference, RegistryOptions options) {
        this.reference = reference;
        this.options = options;
        boolean plainHttp = reference.isLoopback() || options.insecure();
        this.http = new RegistryHttp(options, plainHttp);
        this.auth = new RegistryAuth(http, options.credentials(), reference.registry());
        this.baseUri = (plainHttp ? "http://" : "https://") + reference.apiHost() + "/v2/" + reference.repository();
        this.pullScope = "repository:" + reference.repository() + ":pull";
    }

    public ImageReference reference() {
        return reference;
    }

    public RegistryOptions options() {
        return options;
    }

    /** Fetches a manifest or index by tag or digest, checking Docker-Content-Digest and, by digest, the bytes. */
    public FetchedManifest fetchManifest(String tagOrDigest) {
        HttpResponse<InputStream> response = get("/manifests/" + tagOrDigest, Map.of("Accept", MediaTypes.ACCEPT));
        try {
            byte[] bytes = BoundedBody.read(response, options.maxManifestBytes(), "the manifest " + reference.repository() + ":" + tagOrDigest);
            requireOk(response, "manifest " + tagOrDigest);
            BlobDigest actual = BlobDigest.of(bytes);
            Optional<String> advertised = response.headers().firstValue("Docker-Content-Digest");
            if (advertised.isPresent() && !advertised.get().equals(actual.toString())) {
                throw digestError("manifest " + tagOrDigest, advertised.get(), actual);
            }
            if (tagOrDigest.startsWith("sha256:") && !tagOrDigest.equals(actual.toString())) {
                throw digestError("manifest " + tagOrDigest, tagOrDigest, actual);
            }
            JsonNode json = new ObjectMapper().readTree(bytes);
            String mediaType = json.path("mediaType").asText(
                    response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim());
            return new FetchedManifest(actual, mediaType, bytes, json);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but reading manifest "
                    + tagOrDigest + " failed: " + e, e);
        }
    }

    /** Opens a blob, from {@code offset} when positive (the answer may still be a full 200). */
    HttpResponse<InputStream> openBlob(BlobDigest digest, long offset) {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        HttpResponse<InputStream> response = get("/blobs/" + digest, headers);
        if (response.statusCode() != 200 && response.statusCode() != 206) {
            try (InputStream body = response.body()) {
                requireOk(response, "blob " + digest);
            } catch (IOException ignored) {
                // the status is the error
            }
        }
        return response;
    }

    private HttpResponse<InputStream> get(String path, Map<String, String> headers) {
        URI uri = URI.create(baseUri + path);
        HttpResponse<InputStream> response = http.get(uri, withAuthorization(headers));
        if (response.statusCode() != 401) {
            return response;
        }
        AuthChallenge challenge = AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(""));
        closeQuietly(response);
        auth.answer(challenge, pullScope);
        response = http.get(uri, withAuthorization(headers));
        if (response.statusCode() == 401) {
            closeQuietly(response);
            throw new RpcException(ErrorCode.UNAUTHORIZED, "Tried to pull " + reference + " but " + reference.registry()
                    + " refused " + auth.refusedWho() + " (HTTP 401, " + challenge.scheme() + ")");
        }
        return response;
    }

    private Map<String, String> withAuthorization(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        auth.authorization(pullScope).ifPresent(value -> all.put("Authorization", value));
        return all;
    }

    private void requireOk(HttpResponse<InputStream> response, String what) {
        int status = response.statusCode();
        if (status == 200 || status == 206) {
            return;
        }
        String prefix = "Tried to pull " + reference + " but ";
        throw switch (status) {
            case 404 -> new RpcException(ErrorCode.NOT_FOUND, prefix + reference.registry() + " has no " + what
                    + " in repository " + reference.repository());
            case 403 -> new RpcException(ErrorCode.UNAUTHORIZED, prefix + reference.registry() + " denied access to " + what
                    + " for " + auth.refusedWho() + " (HTTP 403)");
            default -> new RpcException(ErrorCode.OPERATION_FAILED, prefix + reference.registry() + " answered HTTP " + status
                    + " for " + what);
        };
    }

    private RpcException digestError(String what, String expected, BlobDigest actual) {
        return new RpcException(ErrorCode.OPERATION_FAILED, "Tried to pull " + reference + " but the " + what
                + " does not match its digest: expected " + expected + ", content hashes to " + actual);
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to recover
        }
    }
}
