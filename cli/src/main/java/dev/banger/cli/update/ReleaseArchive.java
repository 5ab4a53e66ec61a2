package dev.banger.cli.update;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A release: scripts/make-release's `banger-VERSION.tar.gz`, one top directory holding the dist tree
 * (bin, lib, plugins, systemd), RELEASE and SHA256SUMS. Unpacked with tar (no owners kept; GNU tar
 * already refuses absolute and `..` member names), then judged by {@link Checksums}.
 */
final class ReleaseArchive {
    private ReleaseArchive() {
    }

    /** Unpacks into {@code staging} (created fresh) and returns the release's top directory. */
    static Path unpack(Path tarball, Path staging) throws IOException, UpdateRefused {
        if (!Files.isRegularFile(tarball)) {
            throw new UpdateRefused("no release at " + tarball);
        }
        Files.createDirectories(staging);
        try {
            HostCommand.of("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", staging.toString(), "--no-same-owner")
                    .timeout(Duration.ofMinutes(5)).purpose("unpack " + tarball).run();
        } catch (RpcException e) {
            throw new UpdateRefused(tarball + " is not a readable release tarball: " + e.getMessage());
        }
        List<Path> top;
        try (Stream<Path> entries = Files.list(staging)) {
            top = entries.toList();
        }
        if (top.size() != 1 || !Files.isDirectory(top.get(0), LinkOption.NOFOLLOW_LINKS)) {
            throw new UpdateRefused(tarball + " must hold exactly one top directory (banger-VERSION/); found " + top.size() + " entries");
        }
        return top.get(0);
    }
}
