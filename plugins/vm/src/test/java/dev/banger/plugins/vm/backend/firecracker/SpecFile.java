package dev.banger.plugins.vm.backend.firecracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code firecracker-api.yaml}. It lives in {@code shared/specs/} beside the repository (in a
 * worktree and in CI alike, {@code <repo>/../shared}), so it is resolved from the repository root, not
 * from the module: walk up to the directory whose pom.xml is banger-parent. The system property
 * {@value #PROPERTY} overrides the search.
 */
final class SpecFile {
    static final String PROPERTY = "banger.firecracker.spec";

    private SpecFile() {
    }

    static Path locate() {
        String override = System.getProperty(PROPERTY);
        Path spec = override != null ? Path.of(override)
                : repoRoot().resolveSibling("shared").resolve("specs").resolve("firecracker-api.yaml");
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("Firecracker API spec not found at " + spec.toAbsolutePath()
                    + ": the Firecracker backend is tested against it (expected <repo>/../shared/specs/"
                    + "firecracker-api.yaml, or set -D" + PROPERTY + "=<path>)");
        }
        return spec;
    }

    private static Path repoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no banger-parent pom.xml above " + start
                + ", so the Firecracker API spec cannot be located; set -D" + PROPERTY + "=<path>");
    }

    /** The pom's own artifactId, not its {@code <parent>}'s: every module pom names banger-parent as parent. */
    private static boolean isParentPom(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "")
                    .contains("<artifactId>banger-parent</artifactId>");
        } catch (IOException e) {
            return false;
        }
    }
}
