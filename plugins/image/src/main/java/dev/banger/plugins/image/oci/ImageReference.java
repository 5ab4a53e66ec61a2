package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.RpcException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference with Docker's defaults filled in: {@code debian:bookworm} is
 * {@code docker.io/library/debian:bookworm}; no tag and no digest means {@code latest}.
 *
 * @param registry   the registry as written ({@code docker.io}, {@code localhost:5000}, {@code [::1]:5000})
 * @param repository the repository path ({@code library/debian})
 * @param tag        the tag, or null when only a digest was given
 * @param digest     {@code sha256:<hex>}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    /** Parses {@code [registry/]path[:tag][@sha256:hex]}; anything else is bad_request naming the text. */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw RpcException.badRequest("image reference: required");
        }
        String rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = checkedDigest(text, rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw bad(text, "the tag '" + tag + "' is not valid");
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0 && looksLikeRegistry(rest.substring(0, slash))) {
            registry = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
            if (!REGISTRY.matcher(registry).matches()) {
                throw bad(text, "the registry '" + registry + "' is not a host[:port]");
            }
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw bad(text, "the repository '" + rest + "' is not valid (lowercase letters, digits and . _ - separators)");
            }
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The host[:port] the HTTP API is served from (Docker Hub's API host differs from its name). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /** Loopback registries are the only ones spoken to over plain http unless explicitly allowed. */
    public boolean isLoopback() {
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
                : registry.split(":", 2)[0];
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** What goes into /v2/NAME/manifests/REFERENCE: the digest when pinned, the tag otherwise. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static boolean looksLikeRegistry(String first) {
        return first.contains(".") || first.contains(":") || first.startsWith("[") || first.equals("localhost")
                || !first.equals(first.toLowerCase(Locale.ROOT));
    }

    private static String checkedDigest(String text, String digest) {
        try {
            return BlobDigest.parse(digest).toString();
        } catch (RpcException e) {
            throw bad(text, e.detail());
        }
    }

    private static RpcException bad(String text, String why) {
        return RpcException.badRequest("image reference '" + text + "': " + why);
    }
}
