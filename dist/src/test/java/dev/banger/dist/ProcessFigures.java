package dev.banger.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A process's resident memory (VmRSS) and open file descriptors, read from /proc. */
record ProcessFigures(long rssKib, long fds) {
    static ProcessFigures of(long pid) throws IOException {
        long rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return new ProcessFigures(rss, fds.count());
        }
    }

    @Override
    public String toString() {
        return String.format("RSS %.1f MiB, %d fds", rssKib / 1024.0, fds);
    }
}
