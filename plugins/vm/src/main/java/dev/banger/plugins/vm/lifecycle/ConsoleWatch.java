package dev.banger.plugins.vm.lifecycle;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks for the guest's BANGER_READY line in the console log, after the offset of this boot. */
final class ConsoleWatch {
    static final String READY = "BANGER_READY";
    private final Path log;
    private final long from;

    ConsoleWatch(Path log) throws IOException {
        this.log = log;
        this.from = Files.exists(log) ? Files.size(log) : 0;
    }

    boolean ready() throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = f.length() < from ? 0 : from; // the VMM truncated the log: this boot starts at 0
            f.seek(start);
            byte[] rest = new byte[(int) Math.min(f.length() - start, 8 << 20)];
            f.readFully(rest);
            return new String(rest, StandardCharsets.ISO_8859_1).contains(READY);
        }
    }
}
