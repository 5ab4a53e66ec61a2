package dev.banger.plugins.image.oci;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} header: {@code Basic realm="x"} or
 * {@code Bearer realm="https://auth",service="registry",scope="repository:a/b:pull"}.
 *
 * @param scheme lowercase ({@code basic}, {@code bearer}, or whatever the server sent)
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public static AuthChallenge parse(String header) {
        String text = header == null ? "" : header.trim();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().replaceFirst("^,\\s*", "").toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i));
                }
                i++;
            } else {
                for (; i < text.length() && text.charAt(i) != ','; i++) {
                    value.append(text.charAt(i));
                }
            }
            params.put(name, value.toString().trim());
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return new AuthChallenge(scheme, Map.copyOf(params));
    }

    public String realm() {
        return params.get("realm");
    }

    public String service() {
        return params.get("service");
    }

    public String scope() {
        return params.get("scope");
    }
}
