package dev.banger.cli.system;

import dev.banger.kernel.core.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A tree's RELEASE file (written by scripts/make-release: version, commit, built_at). A tree built
 * by Maven alone has none; its version is then the jars' build version.
 */
public record ReleaseInfo(String version, String commit) {
    public static final String FILE = "RELEASE";

    public static ReleaseInfo of(Path tree) {
        Path file = tree.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
                return new ReleaseInfo(p.getProperty("version", BuildInfo.version()), p.getProperty("commit"));
            } catch (IOException e) {
                return new ReleaseInfo(BuildInfo.version(), null);
            }
        }
        return new ReleaseInfo(BuildInfo.version(), null);
    }

    /** The tree this CLI runs from (bin/banger sets banger.home), if known. */
    public static Path currentTree() {
        String home = System.getProperty("banger.home");
        return home == null ? null : Path.of(home);
    }
}
