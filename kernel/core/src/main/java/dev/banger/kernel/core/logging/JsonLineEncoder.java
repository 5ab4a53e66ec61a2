package dev.banger.kernel.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One flat JSON object per line: ts, level, logger, msg, then every MDC entry (op_id) and every
 * key/value pair (method, duration_ms, ...) as top-level fields, so `jq 'select(.op_id=="op-…")'`
 * finds a whole call. logback's own JsonEncoder nests MDC and key/values, which makes that harder.
 */
public class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private final JsonFactory factory = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("msg", event.getFormattedMessage());
            for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    g.writeFieldName(kv.key);
                    writeValue(g, kv.value);
                }
            }
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(t));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
