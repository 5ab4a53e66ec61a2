package dev.banger.plugins.image.oci;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * GETs with manual redirect following and bounded retries. Redirects are followed here, not by the
 * JDK client, so that {@code Authorization} is dropped when a redirect leaves the registry's
 * scheme+host+port (blob storage on another host must not see registry credentials).
 */
final class RegistryHttp {
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient client;
    private final RegistryOptions options;

    RegistryHttp(RegistryOptions options, boolean plainHttp) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.timeout())
                .version(plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
    }

    /**
     * The final non-redirect response (the caller closes its body). 5xx, 429 and I/O errors are
     * retried with backoff; after the last attempt they become operation_failed.
     */
    HttpResponse<InputStream> get(URI uri, Map<String, String> headers) {
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<InputStream> response = followRedirects(uri, headers);
                int status = response.statusCode();
                if (status < 500 && status != 429) {
                    return response;
                }
                response.body().close();
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.toString();
            }
            if (attempt >= options.maxAttempts()) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "GET " + uri + " failed after " + attempt + " attempts: " + failure);
            }
            sleep(options.backoff(attempt).toMillis());
        }
    }

    private HttpResponse<InputStream> followRedirects(URI uri, Map<String, String> headers) throws IOException {
        URI current = uri;
        Map<String, String> sent = new LinkedHashMap<>(headers);
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = send(current, sent);
            int status = response.statusCode();
            if (!isRedirect(status)) {
                return response;
            }
            response.body().close();
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("HTTP " + status + " without a Location from " + uri));
            if (hop >= MAX_REDIRECTS) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "more than " + MAX_REDIRECTS + " redirects from " + uri);
            }
            URI next = current.resolve(location);
            if (!sameOrigin(uri, next)) {
                sent.remove("Authorization");
            }
            current = next;
        }
    }

    private HttpResponse<InputStream> send(URI uri, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(options.timeout());
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Cancellation.interrupted();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Cancellation.interrupted();
        }
    }
}
