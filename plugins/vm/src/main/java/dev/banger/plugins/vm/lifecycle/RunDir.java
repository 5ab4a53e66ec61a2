package dev.banger.plugins.vm.lifecycle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stopped VM's run dir keeps its console log (for `vm logs`) but loses its sockets and pid file. */
final class RunDir {
    private RunDir() {
    }

    static void removeSockets(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.{sock,pid}")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
