package dev.banger.plugins.image;

import dev.banger.plugins.image.oci.ImageReference;
import java.util.Locale;

/** The image name used when none is given: {@code debian:bookworm} → {@code debian-bookworm}. */
final class DerivedName {
    private DerivedName() {
    }

    static String of(ImageReference ref) {
        String repo = ref.repository();
        String base = repo.substring(repo.lastIndexOf('/') + 1);
        String suffix = ref.tag() != null ? ref.tag() : ref.digest().substring("sha256:".length(), "sha256:".length() + 12);
        String name = (base + "-" + suffix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
