package dev.banger.plugins.vm.backend.firecracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The fake's side of HTTP/1.1: reads one request (Content-Length framed) off a connection. */
final class HttpRequestReader {
    /** {@code body} is null when the request carried none (no or zero Content-Length). */
    record Request(String method, String path, String body) {
    }

    private HttpRequestReader() {
    }

    /** The next request, or null when the client closed the connection between requests. */
    static Request read(InputStream in) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("bad request line: " + requestLine);
        }
        int contentLength = 0;
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                contentLength = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length < contentLength) {
            throw new IOException("request body ended after " + body.length + " of " + contentLength + " bytes");
        }
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return new Request(parts[0], path, contentLength == 0 ? null : new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed in the middle of a request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
