package dev.banger.plugins.image.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which insmod must load modules: every dependency before its user, each module once.
 * Modules built into the kernel need no loading and are skipped; a module that is neither built in
 * nor shipped is an error (the initramfs could never find its disk).
 */
final class ModuleLoadOrder {
    private final ModuleDependencies dependencies;
    private final Set<String> builtin;

    ModuleLoadOrder(ModuleDependencies dependencies, Set<String> builtin) {
        this.dependencies = dependencies;
        this.builtin = builtin;
    }

    /** Paths (relative to lib/modules/&lt;version&gt;) in load order. */
    List<String> resolve(List<String> wanted) {
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (String name : wanted) {
            visit(name.replace('-', '_'), ordered, new HashSet<>(), new ArrayList<>());
        }
        return ordered.stream().map(name -> dependencies.path(name).orElseThrow()).toList();
    }

    private void visit(String name, LinkedHashSet<String> ordered, Set<String> inProgress, List<String> chain) {
        if (ordered.contains(name) || builtin.contains(name)) {
            return;
        }
        chain.add(name);
        if (!inProgress.add(name)) {
            throw new IllegalArgumentException("kernel modules depend on each other in a cycle: " + String.join(" -> ", chain));
        }
        if (dependencies.path(name).isEmpty()) {
            throw new IllegalArgumentException("kernel module '" + name + "' is neither built in nor shipped"
                    + (chain.size() > 1 ? " (needed by " + String.join(" -> ", chain.subList(0, chain.size() - 1)) + ")" : ""));
        }
        for (String dependency : dependencies.dependsOn(name)) {
            visit(dependency, ordered, inProgress, chain);
        }
        inProgress.remove(name);
        chain.remove(chain.size() - 1);
        ordered.add(name);
    }
}
