package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.OperationProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** apt-get download once per package per test class; later pulls copy from the class's cache. */
final class CachingDebSource implements DebSource {
    private final DebSource apt = new AptGetDownload();
    private final Path cache;
    int downloads;

    CachingDebSource(Path cache) {
        this.cache = cache;
    }

    @Override
    public synchronized Path download(String packageName, Path directory, OperationProgress progress) {
        try {
            Path cached = cache.resolve(packageName);
            if (!Files.isDirectory(cached)) {
                Path partial = Files.createDirectories(cache.resolve(packageName + ".partial"));
                apt.download(packageName, partial, progress);
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
                downloads++;
            }
            Path deb = AptGetDownload.find(packageName, cached);
            return Files.copy(deb, directory.resolve(deb.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
