package dev.banger.kernel.api.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-delimited frames with a hard size limit, so a hostile peer cannot make us buffer
 * an unbounded line. Not thread-safe; one per connection.
 */
public final class LineReader {
    private final InputStream in;
    private final int limit;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int end;

    public LineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its newline, or null at end of stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            line.write(buf, start, pos - start);
            if (line.size() > limit) {
                throw new LineTooLongException(limit);
            }
            if (pos < end) {
                pos++; // consume the newline
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
