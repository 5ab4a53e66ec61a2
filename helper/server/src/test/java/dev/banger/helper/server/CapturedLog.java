package dev.banger.helper.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.core.logging.JsonLineEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The helper's call log lines, captured and rendered exactly as the production encoder writes them. */
final class CapturedLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(CallLog.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    CapturedLog() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Every call line so far, as the JSON objects bangerd-root prints. */
    synchronized List<JsonNode> lines() {
        return List.copyOf(appender.list).stream().map(this::render).toList();
    }

    List<JsonNode> forOp(String opId) {
        return lines().stream().filter(l -> opId.equals(l.path("op_id").asText())).toList();
    }

    private JsonNode render(ILoggingEvent event) {
        try {
            return Json.mapper().readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
