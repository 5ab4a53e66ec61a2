package dev.banger.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runnable tree the dist module assembles ({@code bin/}, {@code lib/}, {@code plugins/}). The
 * benchmark runs the daemon exactly as a user would get it, so it needs the built tree, not classes.
 */
final class DistTree {
    /** System property naming the tree; relative values are taken from the bench directory. */
    static final String PROPERTY = "banger.dist";
    private static final String DEFAULT = "../dist/target/banger";

    private DistTree() {
    }

    static Path locate() {
        Path configured = Path.of(System.getProperty(PROPERTY, DEFAULT));
        Path tree = configured.isAbsolute() ? configured : benchDir().resolve(configured).normalize();
        if (!Files.isExecutable(tree.resolve("bin/bangerd"))) {
            throw new IllegalStateException("no dist tree at " + tree + " (build it with `mvn -q -B package -DskipTests`"
                    + " at the repository root, or pass -D" + PROPERTY + "=DIR)");
        }
        return tree;
    }

    /**
     * bench/, found from where this class was loaded (bench/target/benchmarks.jar or
     * bench/target/classes), so the default works whatever directory JMH was started from.
     */
    private static Path benchDir() {
        try {
            Path source = Path.of(DistTree.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
