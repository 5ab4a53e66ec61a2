package dev.banger.plugins.vm.backend.firecracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads one HTTP/1.1 answer: status line, headers, and a body framed by Content-Length (or by EOF). */
final class HttpReplyReader {
    private HttpReplyReader() {
    }

    static HttpReply read(InputStream in) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = parseStatus(parts[1], statusLine);
        long contentLength = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                contentLength = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return new HttpReply(status, readBody(in, status, contentLength));
    }

    private static int parseStatus(String code, String statusLine) throws IOException {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: " + statusLine, e);
        }
    }

    private static String readBody(InputStream in, int status, long contentLength) throws IOException {
        if (status == 204 || status == 304 || status < 200 || contentLength == 0) {
            return "";
        }
        byte[] body = contentLength < 0 ? in.readAllBytes() : in.readNBytes(Math.toIntExact(contentLength));
        if (contentLength >= 0 && body.length < contentLength) {
            throw new IOException("answer ended after " + body.length + " of " + contentLength + " body bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header line without its CRLF; an answer that ends mid-head is an error, not an empty line. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of the answer's head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
