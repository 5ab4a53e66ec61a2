package dev.banger.plugins.image.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A registry proxy (JDK HttpServer on 127.0.0.1) in front of a {@link LocalRegistry} that injects
 * faults: a corrupted blob, a blob cut mid-stream once, a 5xx once, a lying Docker-Content-Digest,
 * a pause mid-blob, and 307 redirects of blob GETs to a second server on another port (which
 * forwards with its own upstream credentials, like a storage backend). Every request is recorded.
 */
public final class FaultProxy implements AutoCloseable {
    private static final List<String> REQUEST_HEADERS = List.of("Accept", "Authorization", "Range");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate",
            "Content-Range", "Location", "Accept-Ranges");
    private final String upstream;
    private final String storageAuthorization;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpServer main;
    private final HttpServer storage;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> blobFaults = new ConcurrentHashMap<>();
    private final Map<String, Integer> failOnce = new ConcurrentHashMap<>();
    private final Map<String, Integer> failAlways = new ConcurrentHashMap<>();
    private volatile boolean redirectBlobs;
    private volatile String fakeManifestDigest;

    /** One request as the proxy saw it; {@code server} is "main" or "storage". */
    public record Recorded(String server, String path, String range, boolean authorized) {
    }

    private record Fault(Kind kind, long afterBytes, CountDownLatch reached, CountDownLatch resume) {
    }

    private enum Kind { CORRUPT, CUT_ONCE, PAUSE }

    /** @param storageAuthorization what the redirect target sends upstream (null for anonymous registries) */
    public FaultProxy(LocalRegistry registry, String storageAuthorization) throws IOException {
        this.upstream = registry.url();
        this.storageAuthorization = storageAuthorization;
        this.main = start("main");
        this.storage = start("storage");
    }

    private HttpServer start(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(name, exchange));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    public String hostPort() {
        return "127.0.0.1:" + main.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return requests;
    }

    public void corruptBlob(String digest) {
        blobFaults.put(digest, new Fault(Kind.CORRUPT, 0, null, null));
    }

    public void cutBlobOnce(String digest, long afterBytes) {
        blobFaults.put(digest, new Fault(Kind.CUT_ONCE, afterBytes, null, null));
    }

    /** Sends {@code afterBytes} of the blob, counts down {@code reached}, and waits for {@code resume}. */
    public void pauseBlob(String digest, long afterBytes, CountDownLatch reached, CountDownLatch resume) {
        blobFaults.put(digest, new Fault(Kind.PAUSE, afterBytes, reached, resume));
    }

    /** Answers {@code status} once to the first request whose path contains {@code pathPart}. */
    public void failOnce(String pathPart, int status) {
        failOnce.put(pathPart, status);
    }

    /** Answers {@code status} to every request whose path contains {@code pathPart}, until {@link #heal()}. */
    public void failAlways(String pathPart, int status) {
        failAlways.put(pathPart, status);
    }

    /** Drops every fault: from now on the proxy forwards faithfully. */
    public void heal() {
        failAlways.clear();
        failOnce.clear();
        blobFaults.clear();
    }

    public void redirectBlobs() {
        redirectBlobs = true;
    }

    /** Every manifest response advertises this Docker-Content-Digest instead of the real one. */
    public void lieAboutManifestDigest(String digest) {
        fakeManifestDigest = digest;
    }

    private void handle(String server, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().replaceFirst("^/elsewhere", "");
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Recorded(server, path, exchange.getRequestHeaders().getFirst("Range"),
                    exchange.getRequestHeaders().containsKey("Authorization")));
            Integer failure = failOnce.entrySet().stream().filter(e -> path.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            Integer always = failAlways.entrySet().stream().filter(e -> path.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (always != null) {
                exchange.sendResponseHeaders(always, -1);
                return;
            }
            if (failure != null && failOnce.entrySet().removeIf(e -> path.contains(e.getKey()))) {
                exchange.sendResponseHeaders(failure, -1);
                return;
            }
            boolean blob = path.contains("/blobs/sha256:");
            if (blob && redirectBlobs && server.equals("main")) {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/elsewhere" + path);
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            forward(server, exchange, path + (query != null ? "?" + query : ""), blob ? path.substring(path.lastIndexOf('/') + 1) : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(String server, HttpExchange exchange, String pathAndQuery, String blobDigest) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
        for (String name : REQUEST_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null && !(name.equals("Authorization") && server.equals("storage"))) {
                request.header(name, value);
            }
        }
        if (server.equals("storage") && storageAuthorization != null) {
            request.header("Authorization", storageAuthorization);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String name : RESPONSE_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> exchange.getResponseHeaders().set(name, value));
        }
        if (fakeManifestDigest != null && pathAndQuery.contains("/manifests/")) {
            exchange.getResponseHeaders().set("Docker-Content-Digest", fakeManifestDigest);
        }
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        Fault fault = blobDigest == null || response.statusCode() >= 300 ? null : blobFaults.get(blobDigest);
        if (fault != null && fault.kind() == Kind.CORRUPT && body.length > 0) {
            body = body.clone();
            body[body.length / 2] ^= 0x5a;
        }
        exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
        if (head || body.length == 0) {
            return;
        }
        writeBody(exchange.getResponseBody(), body, fault, blobDigest);
    }

    private void writeBody(OutputStream out, byte[] body, Fault fault, String blobDigest) throws IOException, InterruptedException {
        if (fault == null || fault.kind() == Kind.CORRUPT || fault.afterBytes() >= body.length) {
            out.write(body);
            return;
        }
        int first = (int) fault.afterBytes();
        out.write(body, 0, first);
        out.flush();
        if (fault.kind() == Kind.CUT_ONCE) {
            blobFaults.remove(blobDigest, fault);
            throw new IOException("cutting " + blobDigest + " after " + first + " bytes, as asked");
        }
        fault.reached().countDown();
        fault.resume().await(30, TimeUnit.SECONDS);
        out.write(body, first, body.length - first);
    }

    @Override
    public void close() {
        main.stop(0);
        storage.stop(0);
    }
}
