package dev.banger.kernel.core.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated request line (no newline): its raw bytes as they go on the wire, how it was made,
 * and the index that reproduces it from the run's seed.
 */
public record FuzzCase(long index, String kind, byte[] bytes) {
    /** The line as the daemon's LineReader sees it: UTF-8, malformed bytes replaced. */
    public String line() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** For failure messages: short enough to read, long enough to reproduce by hand. */
    public String describe() {
        String l = line();
        return "case #" + index + " (" + kind + "): " + (l.length() > 400 ? l.substring(0, 400) + "…(" + l.length() + " chars)" : l);
    }
}
