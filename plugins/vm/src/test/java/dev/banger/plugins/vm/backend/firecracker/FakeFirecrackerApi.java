package dev.banger.plugins.vm.backend.firecracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A stand-in for a Firecracker process's API socket that holds every request to the published spec
 * ({@code firecracker-api.yaml}, see {@link SpecFile}): shapes via {@link RequestValidator}, call order
 * via {@link FakeVmm}. A request the real Firecracker would refuse gets its 400 with a fault_message
 * and is recorded, so a test can assert {@link #violations()} is empty after a good sequence.
 */
final class FakeFirecrackerApi implements AutoCloseable {
    private static SwaggerSpec parsedSpec;
    private final Path socketPath;
    private final AFUNIXServerSocket server;
    private final RequestValidator validator;
    private final SchemaValidator answers;
    private final SwaggerSpec spec;
    private final FakeVmm vmm;
    private final List<String> violations = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-firecracker");
        t.setDaemon(true);
        return t;
    });

    private FakeFirecrackerApi(Path socketPath, SwaggerSpec spec, String vmId) throws IOException {
        this.socketPath = socketPath;
        this.spec = spec;
        this.validator = new RequestValidator(spec);
        this.answers = new SchemaValidator(spec);
        this.vmm = new FakeVmm(new BootPhaseRules(spec), vmId, spec.version());
        this.server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socketPath.toFile()));
        connections.execute(this::acceptLoop);
    }

    static FakeFirecrackerApi start(Path socketPath, String vmId) throws IOException {
        return new FakeFirecrackerApi(socketPath, firecrackerSpec(), vmId);
    }

    /** Parsed once per test JVM: it is read-only, and parsing it for every test costs more than the test. */
    static synchronized SwaggerSpec firecrackerSpec() throws IOException {
        if (parsedSpec == null) {
            parsedSpec = SwaggerSpec.load(SpecFile.locate());
        }
        return parsedSpec;
    }

    Path socketPath() {
        return socketPath;
    }

    /** Every refused request, as {@code "PUT /drives/x: <why>"}, in arrival order. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    FakeVmm vmm() {
        return vmm;
    }

    Map<String, JsonNode> configured() {
        return vmm.configured();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Keep-alive: answers requests on one connection until the client closes it. */
    private void serve(Socket connection) {
        open.add(connection);
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            for (HttpRequestReader.Request request = HttpRequestReader.read(in); request != null;
                 request = HttpRequestReader.read(in)) {
                answer(request).writeTo(out);
            }
        } catch (SocketException e) {
            // the client went away: nothing left to answer
        } catch (IOException e) {
            record("malformed HTTP: " + e.getMessage());
        } finally {
            open.remove(connection);
        }
    }

    private FakeAnswer answer(HttpRequestReader.Request request) {
        String call = request.method() + " " + request.path();
        RequestValidator.Checked checked = validator.check(request.method(), request.path(), request.body());
        FakeAnswer answer = checked.ok()
                ? vmm.handle(request.method(), request.path(), checked.match().template(), checked.body())
                : FakeAnswer.violation(String.join("; ", checked.problems()));
        if (answer.violation() != null) {
            record(call + ": " + answer.violation());
        } else if (answer.status() == 200) {
            checkOwnAnswer(request.method(), checked.match().template(), answer.body());
        }
        return answer;
    }

    /**
     * The fake's answers must match the spec too, or the client would be tested against a fiction;
     * a mismatch is recorded like a violation so the test that provoked it fails.
     */
    private void checkOwnAnswer(String method, String template, JsonNode body) {
        JsonNode schema = spec.operation(template, method).orElseThrow().path("responses").path("200").path("schema");
        List<String> problems = answers.validate(body, schema, "answer");
        if (!problems.isEmpty()) {
            record("the fake's own answer to " + method + " " + template + " breaks the spec: " + problems);
        }
    }

    private synchronized void record(String violation) {
        violations.add(violation);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket connection : open) {
            connection.close(); // a blocked read is not interruptible; closing the socket ends it
        }
        connections.shutdownNow();
        connections.awaitTermination(5, TimeUnit.SECONDS);
        Files.deleteIfExists(socketPath);
    }
}
