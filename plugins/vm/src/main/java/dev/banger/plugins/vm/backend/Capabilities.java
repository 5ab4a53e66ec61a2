package dev.banger.plugins.vm.backend;

import java.util.Set;

/** What a backend can do, so create can refuse an impossible combination before anything is made. */
public record Capabilities(Set<String> networkModes, Set<String> diskFormats, boolean runtimeForwards, boolean snapshot) {
}
