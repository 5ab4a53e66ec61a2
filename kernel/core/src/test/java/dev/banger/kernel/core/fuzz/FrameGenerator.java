package dev.banger.kernel.core.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded generator of hostile request lines over a method table (method name → params record). The
 * same seed gives the same cases in the same order, so a failure names its seed and index and can be
 * replayed. No case contains a newline, and none is blank (the daemon skips blank lines unanswered).
 */
public final class FrameGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KINDS = {"random-bytes", "json-noise", "valid", "byte-mutation", "wrong-type", "unknown-field",
        "envelope", "raw-value", "params-shape"};
    /** Weights per kind, in KINDS order: mutations of real frames dominate, as they reach furthest into the decoder. */
    private static final int[] WEIGHTS = {5, 5, 10, 25, 15, 8, 15, 12, 5};

    private final Random random;
    private final HostileValues values;
    private final List<String> methods;
    private final Map<String, ParamFields> fields = new TreeMap<>();
    private long index;

    public FrameGenerator(long seed, Map<String, Class<?>> paramsByMethod) {
        this.random = new Random(seed);
        this.values = new HostileValues(random);
        paramsByMethod.forEach((m, type) -> fields.put(m, ParamFields.of(type)));
        this.methods = List.copyOf(fields.keySet());
    }

    public FuzzCase next() {
        while (true) {
            String kind = kind();
            byte[] bytes = switch (kind) {
                case "random-bytes" -> randomBytes();
                case "json-noise" -> utf8(jsonNoise());
                case "valid" -> utf8(validFrame().toString());
                case "byte-mutation" -> mutate(utf8(validFrame().toString()));
                case "wrong-type" -> utf8(wrongType().toString());
                case "unknown-field" -> utf8(unknownField().toString());
                case "envelope" -> utf8(envelope());
                case "raw-value" -> utf8(rawValue());
                default -> utf8(paramsShape());
            };
            bytes = withoutNewlines(bytes);
            FuzzCase c = new FuzzCase(index++, kind, bytes);
            if (!c.line().isBlank()) {
                return c;
            }
        }
    }

    private String kind() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < KINDS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return KINDS[i];
            }
        }
        return KINDS[0];
    }

    private String method() {
        return methods.get(random.nextInt(methods.size()));
    }

    /** A frame the envelope accepts, for a real method, with some of its fields set to well-typed hostile values. */
    private ObjectNode validFrame() {
        String m = method();
        ObjectNode params = F.objectNode();
        for (ParamFields.Field f : fields.get(m).fields()) {
            if (random.nextInt(3) > 0) {
                params.set(f.json(), values.wellTyped(f.type()));
            }
        }
        ObjectNode frame = F.objectNode().put("version", 1).put("method", m);
        if (random.nextInt(4) > 0) {
            frame.set("params", params);
        }
        if (random.nextInt(3) == 0) {
            frame.put("op_id", "op-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return frame;
    }

    private ObjectNode wrongType() {
        ObjectNode frame = validFrame();
        List<ParamFields.Field> fs = fields.get(frame.get("method").asText()).fields();
        ObjectNode params = frame.has("params") ? (ObjectNode) frame.get("params") : frame.putObject("params");
        String name = fs.isEmpty() ? values.string() : fs.get(random.nextInt(fs.size())).json();
        params.set(name, values.anyType());
        return frame;
    }

    private ObjectNode unknownField() {
        ObjectNode frame = validFrame();
        if (random.nextBoolean()) {
            frame.put(random.nextBoolean() ? "id" : values.string(), 1);
        } else {
            ObjectNode params = frame.has("params") ? (ObjectNode) frame.get("params") : frame.putObject("params");
            params.set(random.nextBoolean() ? "colour" : values.string(), values.anyType());
        }
        return frame;
    }

    /** The envelope's own fields, each wrong or missing in turn. */
    private String envelope() {
        ObjectNode frame = validFrame();
        switch (random.nextInt(8)) {
            case 0 -> frame.remove("version");
            case 1 -> frame.set("version", values.anyType());
            case 2 -> frame.remove("method");
            case 3 -> frame.set("method", values.anyType());
            case 4 -> frame.put("method", near(frame.get("method").asText()));
            case 5 -> frame.set("op_id", random.nextBoolean() ? values.anyType() : F.textNode("op-" + "a".repeat(random.nextInt(80))));
            case 6 -> frame.set("params", values.anyType());
            default -> {
                return random.nextBoolean() ? "[" + frame + "]" : frame + " " + frame;
            }
        }
        return frame.toString();
    }

    /** A method name one slip away from a real one. */
    private String near(String m) {
        return switch (random.nextInt(7)) {
            case 0 -> m.toUpperCase();
            case 1 -> m + " ";
            case 2 -> m + ".";
            case 3 -> m.substring(0, m.lastIndexOf('.') + 1);
            case 4 -> "." + m;
            case 5 -> m.replace('.', '/');
            default -> m + "\u0000";
        };
    }

    /** A frame with a raw fragment (huge number, deep nesting, odd literal) spliced in where a value goes. */
    private String rawValue() {
        ObjectNode frame = validFrame();
        String fragment = values.rawFragment();
        List<ParamFields.Field> fs = fields.get(frame.get("method").asText()).fields();
        String field = fs.isEmpty() || random.nextInt(4) == 0 ? "version" : fs.get(random.nextInt(fs.size())).json();
        if (field.equals("version")) {
            return "{\"version\":" + fragment + ",\"method\":\"" + frame.get("method").asText() + "\"}";
        }
        return "{\"version\":1,\"method\":\"" + frame.get("method").asText() + "\",\"params\":{\"" + field + "\":" + fragment + "}}";
    }

    /** params of the wrong shape entirely: not an object, an object of the wrong fields, duplicated keys. */
    private String paramsShape() {
        String m = method();
        String head = "{\"version\":1,\"method\":\"" + m + "\",\"params\":";
        return switch (random.nextInt(5)) {
            case 0 -> head + "[]}";
            case 1 -> head + "\"" + values.string().replace("\\", "").replace("\"", "") + "\"}";
            case 2 -> head + "{\"a\":1,\"a\":2}}";
            case 3 -> head + "null}";
            default -> head + "{}" + ",\"params\":{}}";
        };
    }

    private String jsonNoise() {
        String alphabet = "{}[]\",:0123456789.-+eE truefalsnl\\u/";
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(120);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return random.nextBoolean() ? "{" + b : b.toString();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(200)];
        random.nextBytes(b);
        return b;
    }

    /** Flips, inserts and deletes a few random bytes. */
    private byte[] mutate(byte[] frame) {
        List<Byte> b = new ArrayList<>(frame.length + 8);
        for (byte x : frame) {
            b.add(x);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !b.isEmpty(); i++) {
            int at = random.nextInt(b.size());
            switch (random.nextInt(3)) {
                case 0 -> b.set(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> b.add(at, (byte) random.nextInt(256));
                default -> b.remove(at);
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static byte[] withoutNewlines(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                bytes[i] = ' ';
            }
        }
        return bytes;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
