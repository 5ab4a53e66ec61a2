package dev.banger.helper.api;

import java.util.List;

/** The links whose resolver settings the call set or reverted. */
public record ResolverResult(List<String> links) {
    public ResolverResult {
        links = List.copyOf(links);
    }
}
