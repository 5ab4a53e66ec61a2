package dev.banger.plugins.image.catalog;

import java.util.List;

/** An image banger can build locally from Debian packages, with no registry involved. */
public record CatalogEntry(String name, String description, String suite, List<String> packages) {
}
