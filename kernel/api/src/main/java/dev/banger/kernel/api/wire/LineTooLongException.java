package dev.banger.kernel.api.wire;

import java.io.IOException;

/** A peer sent a line over {@link Protocol#MAX_LINE_BYTES}; the connection must be closed. */
public class LineTooLongException extends IOException {
    public LineTooLongException(int limit) {
        super("request line exceeds " + limit + " bytes");
    }
}
