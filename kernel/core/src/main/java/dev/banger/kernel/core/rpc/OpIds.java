package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.wire.Protocol;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Mints op ids ({@code op-} + 16 lowercase hex) and recognises forwarded ones. */
public final class OpIds {
    private static final Pattern VALID = Pattern.compile(Protocol.OP_ID_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpIds() {
    }

    public static String mint() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "op-" + HexFormat.of().formatHex(b);
    }

    public static boolean valid(String opId) {
        return opId != null && VALID.matcher(opId).matches();
    }
}
