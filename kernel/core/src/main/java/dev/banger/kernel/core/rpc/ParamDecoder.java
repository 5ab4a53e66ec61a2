package dev.banger.kernel.core.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Decodes a request's params into the method's record, turning every Jackson failure into a
 * bad_request whose message names the offending field ({@code params.timeout_ms: ...}).
 */
public final class ParamDecoder {
    private ParamDecoder() {
    }

    public static <P> P decode(String method, JsonNode params, Class<P> type) {
        JsonNode source = params == null || params.isNull() || params.isMissingNode()
                ? Json.mapper().createObjectNode() : params;
        if (!source.isObject()) {
            throw RpcException.badRequest(method + ": params must be a JSON object, not " + source.getNodeType().name().toLowerCase());
        }
        try {
            return Json.mapper().treeToValue(source, type);
        } catch (ValueInstantiationException e) {
            // a record's compact constructor rejected a value: its own message says which and why
            if (e.getCause() instanceof RpcException rpc) {
                throw rpc;
            }
            throw RpcException.badRequest(method + ": " + rootMessage(e));
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw RpcException.badRequest(method + ": unknown field " + field(e)
                    + (known.isEmpty() ? " (this method takes no params)" : " (known: " + known + ")"));
        } catch (InvalidFormatException e) {
            throw RpcException.badRequest(method + ": " + field(e) + " has the wrong value " + e.getValue()
                    + ", expected " + simpleType(e.getTargetType()));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Cannot map `null`")) {
                throw RpcException.badRequest(method + ": " + field(e) + " is required");
            }
            String expected = e.getTargetType() == null ? "another type" : simpleType(e.getTargetType());
            throw RpcException.badRequest(method + ": " + field(e) + " has the wrong type, expected " + expected);
        } catch (JsonMappingException e) {
            // e.g. an integer beyond long: say which field and why, without Jackson's location and
            // reference chain (which name our record classes)
            Throwable cause = e.getCause() instanceof JsonProcessingException p ? p : e;
            String why = cause instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getOriginalMessage();
            throw RpcException.badRequest(method + ": " + field(e) + " could not be decoded: " + why);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw RpcException.badRequest(method + ": params could not be decoded: " + why);
        }
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder("params");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase();
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
