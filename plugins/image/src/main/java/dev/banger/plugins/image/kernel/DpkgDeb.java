package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.OperationProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** dpkg-deb: unpacks a package's files without installing it (no maintainer scripts, no root needed). */
final class DpkgDeb {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private DpkgDeb() {
    }

    static void extract(Path deb, Path target, OperationProgress progress) {
        HostCommand.of(List.of("dpkg-deb", "-x", deb.toString(), target.toString())).timeout(TIMEOUT)
                .cancelledBy(progress)
                .purpose("unpack " + deb.getFileName() + " with dpkg-deb").run();
    }

    static String field(Path deb, String field) {
        return HostCommand.of(List.of("dpkg-deb", "-f", deb.toString(), field)).timeout(TIMEOUT)
                .purpose("read " + field + " of " + deb.getFileName()).run().stdout().strip();
    }
}
