package dev.banger.plugins.image.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The built-in catalog. {@code debian-bookworm} is the default image of `vm run`: systemd, sshd
 * and the tools a sandbox needs, built from the host's own apt configuration.
 */
public final class ImageCatalog {
    public static final String DEFAULT_IMAGE = "debian-bookworm";

    private static final List<CatalogEntry> ENTRIES = List.of(new CatalogEntry(DEFAULT_IMAGE,
            "Debian 12 (bookworm) minbase with systemd, openssh-server, git and curl, built locally",
            "bookworm",
            List.of("systemd-sysv", "openssh-server", "iproute2", "dbus", "libpam-systemd", "ca-certificates", "git", "curl")));

    private ImageCatalog() {
    }

    public static List<CatalogEntry> entries() {
        return ENTRIES;
    }

    public static Optional<CatalogEntry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
