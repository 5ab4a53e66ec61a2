package dev.banger.kernel.api.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The stable error codes of wire protocol v1. Unknown codes from a newer peer map to OPERATION_FAILED. */
public enum ErrorCode {
    BAD_VERSION, UNKNOWN_METHOD, BAD_REQUEST, NOT_FOUND, NOT_RUNNING, ALREADY_EXISTS, CONFLICT,
    UNAUTHORIZED, CANCELLED, OPERATION_FAILED, NO_SPACE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ErrorCode fromWire(String code) {
        for (ErrorCode c : values()) {
            if (c.wire().equals(code)) {
                return c;
            }
        }
        return OPERATION_FAILED;
    }
}
