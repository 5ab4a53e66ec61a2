package dev.banger.plugins.image.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;

/** Reads a gzip'd newc initramfs back: entries by path, and the contents of the small text files. */
final class InitramfsListing {
    final Map<String, CpioArchiveEntry> entries = new LinkedHashMap<>();
    final Map<String, String> texts = new LinkedHashMap<>();

    static InitramfsListing read(Path initrd) throws IOException {
        InitramfsListing listing = new InitramfsListing();
        try (InputStream file = Files.newInputStream(initrd);
             CpioArchiveInputStream cpio = new CpioArchiveInputStream(new GZIPInputStream(file))) {
            for (CpioArchiveEntry entry; (entry = cpio.getNextEntry()) != null; ) {
                listing.entries.put(entry.getName(), entry);
                if (entry.getName().equals("init") || entry.getName().startsWith("etc/") || entry.isSymbolicLink()) {
                    listing.texts.put(entry.getName(), new String(cpio.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return listing;
    }
}
