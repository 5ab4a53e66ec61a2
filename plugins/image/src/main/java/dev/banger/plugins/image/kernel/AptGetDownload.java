package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code apt-get download}, with the host's own apt configuration (sources, mirror, proxy), as the
 * daemon's ordinary user: downloading needs no root, only apt's lock would, and
 * {@code Debug::NoLocking} skips it. apt checks every file against the signed Release files.
 */
public final class AptGetDownload implements DebSource {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Override
    public Path download(String packageName, Path directory, OperationProgress progress) {
        HostCommand.of(List.of("apt-get", "download", "-q", "-o", "Debug::NoLocking=1", packageName))
                .directory(directory).timeout(TIMEOUT).cancelledBy(progress)
                .purpose("download the Debian package " + packageName
                        + " with apt-get (it uses this machine's apt sources; run `apt-get update` if the package is unknown)")
                .run();
        return find(packageName, directory);
    }

    static Path find(String packageName, Path directory) {
        try (DirectoryStream<Path> debs = Files.newDirectoryStream(directory, packageName + "_*.deb")) {
            for (Path deb : debs) {
                return deb;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED,
                "apt-get download " + packageName + " succeeded but left no " + packageName + "_*.deb in " + directory);
    }
}
