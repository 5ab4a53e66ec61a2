package dev.banger.kernel.core.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Writes out what the async log appender still holds; called last when a daemon stops. */
public final class LogFlush {
    private LogFlush() {
    }

    public static void flush() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.stop(); // stopping the AsyncAppender drains its queue (bounded by its maxFlushTime)
        }
    }
}
