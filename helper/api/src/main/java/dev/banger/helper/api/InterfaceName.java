package dev.banger.helper.api;

import dev.banger.kernel.api.Params;
import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/**
 * The shape every interface name banger asks for must have. The kernel allows almost any byte in
 * a name; we allow far less, so a name can never be read as an option, a path or a second
 * argument by the tools it is handed to. Whether it carries the managed prefix is the helper's
 * policy (it knows the configured prefix), checked on top of this.
 */
public final class InterfaceName {
    /** IFNAMSIZ is 16 including the terminating NUL. */
    public static final int MAX_LENGTH = 15;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private InterfaceName() {
    }

    public static String check(String value, String field) {
        Params.required(value, field);
        if (value.length() > MAX_LENGTH) {
            throw RpcException.badRequest(field + ": at most " + MAX_LENGTH + " characters (IFNAMSIZ), got "
                    + value.length());
        }
        if (!SHAPE.matcher(value).matches()) {
            throw RpcException.badRequest(field + ": only lowercase letters, digits, '-' and '_', starting with a"
                    + " letter or digit; got " + quote(value));
        }
        return value;
    }

    static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }
}
