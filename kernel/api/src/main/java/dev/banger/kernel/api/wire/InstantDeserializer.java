package dev.banger.kernel.api.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants, so records can carry timestamps without the jsr310 module. */
final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    InstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        String text = p.getValueAsString();
        if (text == null) {
            return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
        }
    }
}
