package dev.banger.plugins.image.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar stream back into path → UTF-8 content, to compare pulled layers with the pushed ones. */
public final class TarContents {
    private TarContents() {
    }

    public static Map<String, String> read(InputStream tarStream) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
