package dev.banger.plugins.vm.api;

import java.util.List;

/** vm.backends: every backend, whether it applies here and why not, and which one is chosen. */
public record BackendReport(List<Entry> backends, String selected) {
    public record Entry(String name, int priority, boolean applicable, String reason) {
    }
}
