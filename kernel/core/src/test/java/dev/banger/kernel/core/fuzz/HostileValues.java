package dev.banger.kernel.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * JSON values for params fields: well typed but hostile (path separators, NUL, huge and negative
 * numbers, long strings, unicode), and deliberately ill typed (the wrong JSON type, nesting, nulls).
 * Raw text fragments that a tree cannot hold (numbers beyond double, deep nesting) are in
 * {@link #rawFragment}.
 */
public final class HostileValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<String> STRINGS = List.of("", "a", "fuzz", "fuzz-0", "debian-bookworm", "../x", "a/b", "/etc/passwd", "/", ".", "..",
            "/tmp/../etc", "\u0000", "x\u0000y", "名前", "😀", "\ud800", "op-0000000000000000", "op-", "-", "A", "UPPER", " lead",
            "trail ", "tab\there", "new\nline", "\\", "%s%n%x", "' OR 1=1 --", "Robert'); DROP TABLE vms;--", "${jndi:ldap://127.0.0.1/x}",
            "$(reboot)", "`id`", "*", "?", "[", "~", "~root", "con", "nul", "x".repeat(64), "y".repeat(5000), "\u202e\u0644", "\r");

    private final Random random;

    public HostileValues(Random random) {
        this.random = random;
    }

    /** A value of the field's own JSON type, from the hostile pools. */
    public JsonNode wellTyped(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return F.textNode(string());
        } else if (raw == Boolean.class || raw == boolean.class) {
            return F.booleanNode(random.nextBoolean());
        } else if (raw == Long.class || raw == long.class) {
            return F.numberNode(pick(0L, 1L, -1L, 2L, 1000L, 30_000L, 600_000L, 600_001L, Long.MAX_VALUE, Long.MIN_VALUE,
                    (long) Integer.MAX_VALUE + 1, 64L << 20, 1L << 40, random.nextLong()));
        } else if (raw == Integer.class || raw == int.class) {
            return F.numberNode(pick(0, 1, -1, 2, 22, 128, 1024, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()));
        } else if (List.class.isAssignableFrom(raw)) {
            ArrayNode list = F.arrayNode();
            int n = pick(0, 1, 1, 2, 3, 1000);
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            for (int i = 0; i < n; i++) {
                list.add(wellTyped(element));
            }
            return list;
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return F.textNode(constants[random.nextInt(constants.length)].toString().toLowerCase());
        } else if (raw.isRecord()) {
            ObjectNode o = F.objectNode();
            for (ParamFields.Field f : ParamFields.of(raw).fields()) {
                if (random.nextBoolean()) {
                    o.set(f.json(), wellTyped(f.type()));
                }
            }
            return o;
        }
        return F.textNode(string());
    }

    /** Any JSON value, usually of the wrong type for whatever field gets it. */
    public JsonNode anyType() {
        return switch (random.nextInt(9)) {
            case 0 -> F.textNode(string());
            case 1 -> F.numberNode(random.nextLong());
            case 2 -> F.numberNode(random.nextDouble() * 1e6);
            case 3 -> F.booleanNode(random.nextBoolean());
            case 4 -> F.nullNode();
            case 5 -> F.arrayNode().add(string()).add(random.nextInt());
            case 6 -> F.objectNode().put("x", string());
            case 7 -> F.numberNode(new BigInteger("9".repeat(1 + random.nextInt(60))));
            default -> F.numberNode(new BigDecimal("1.5"));
        };
    }

    /** Text spliced into a frame where a value goes: numbers no tree keeps, deep nesting, odd literals. */
    public String rawFragment() {
        return switch (random.nextInt(14)) {
            case 0 -> "1e999999";
            case 1 -> "-1e999999";
            case 2 -> "1e-999999";
            case 3 -> "1e1000000000";
            case 4 -> "9".repeat(1 + random.nextInt(3000));
            case 5 -> "-0";
            case 6 -> "0.0000000000000000000000001";
            case 7 -> "NaN";
            case 8 -> "Infinity";
            case 9 -> brackets(depth());
            case 10 -> nested(depth());
            case 11 -> "\"" + "\\u0000".repeat(1 + random.nextInt(50)) + "\"";
            case 12 -> "\"\\ud83d\"";
            default -> "01";
        };
    }

    private int depth() {
        return pick(10, 500, 999, 1000, 1001, 5000, 50_000);
    }

    /** Balanced, or (a third of the time) never closed. */
    private String brackets(int depth) {
        return "[".repeat(depth) + (random.nextInt(3) == 0 ? "" : "]".repeat(depth));
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    public String string() {
        int r = random.nextInt(10);
        if (r < 7) {
            return STRINGS.get(random.nextInt(STRINGS.size()));
        } else if (r < 9) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                b.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x5f));
            }
            return b.toString();
        }
        return "fuzz-" + Long.toHexString(random.nextLong());
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
