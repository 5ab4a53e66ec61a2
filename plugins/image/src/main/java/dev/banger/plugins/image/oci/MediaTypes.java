package dev.banger.plugins.image.oci;

import java.util.List;

/** The manifest media types a registry may answer with, and the Accept list that asks for all of them. */
final class MediaTypes {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /**
     * Always the full list: distribution 2.8 answers 404 for OCI manifests without it and silently
     * down-converts Docker v2 manifests to schema1 (another digest) for clients asking for less.
     */
    static final String ACCEPT = String.join(", ", List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST));

    private MediaTypes() {
    }

    static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    static boolean isImageManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }
}
