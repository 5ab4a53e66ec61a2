package dev.banger.plugins.image.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1, configured by us (filesystem
 * storage in a temp dir; the packaged config is broken), in one of three auth modes. Started by the
 * constructor, which waits until {@code /v2/} answers; stopped by pid in {@link #close()}.
 */
public final class LocalRegistry implements AutoCloseable {
    public static final String USER = "tester";
    public static final String PASSWORD = "s3cret-pass";
    private final Path dir;
    private final int port;
    private final Process process;
    private final TokenServer tokenServer;

    public enum Mode { ANONYMOUS, HTPASSWD, TOKEN }

    /** Skips the calling test (with the reason) when docker-registry or skopeo is missing. */
    public static void assumeToolsPresent() {
        Assumptions.assumeTrue(Commands.available("docker-registry"), "docker-registry is not installed (apt-get install docker-registry)");
        Assumptions.assumeTrue(Commands.available("skopeo"), "skopeo is not installed (apt-get install skopeo)");
    }

    public static LocalRegistry start(Mode mode) throws Exception {
        assumeToolsPresent();
        if (mode == Mode.HTPASSWD) {
            Assumptions.assumeTrue(Commands.available("htpasswd"), "htpasswd is not installed (apt-get install apache2-utils)");
        }
        if (mode == Mode.TOKEN) {
            Assumptions.assumeTrue(Commands.available("openssl"), "openssl is not installed");
        }
        Path dir = Files.createTempDirectory("banger-registry");
        try {
            return new LocalRegistry(dir, mode);
        } catch (Exception | Error e) {
            TestDirs.deleteTree(dir);
            throw e;
        }
    }

    private LocalRegistry(Path dir, Mode mode) throws Exception {
        this.dir = dir;
        this.port = freePort();
        this.tokenServer = mode == Mode.TOKEN ? new TokenServer(dir, USER, PASSWORD) : null;
        Path config = dir.resolve("config.yml");
        Files.writeString(config, config(mode));
        Path log = dir.resolve("registry.log");
        this.process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(log);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private String config(Mode mode) throws IOException {
        String base = """
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: banger-test-secret
                """.formatted(dir.resolve("data"), port);
        return switch (mode) {
            case ANONYMOUS -> base;
            case HTPASSWD -> {
                Path htpasswd = dir.resolve("htpasswd");
                Files.writeString(htpasswd, Commands.run(List.of("htpasswd", "-Bbn", USER, PASSWORD)));
                yield base + """
                        auth:
                          htpasswd:
                            realm: banger-test
                            path: %s
                        """.formatted(htpasswd);
            }
            case TOKEN -> base + """
                    auth:
                      token:
                        realm: %s
                        service: %s
                        issuer: %s
                        rootcertbundle: %s
                    """.formatted(tokenServer.realm(), TokenServer.SERVICE, TokenServer.ISSUER, tokenServer.certificatePem());
        };
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("docker-registry did not answer on port " + port + ": " + Files.readString(log));
    }

    public int port() {
        return port;
    }

    /** {@code host:port} as written in image references. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return "http://" + hostPort();
    }

    /** The token server in TOKEN mode, else null. */
    public TokenServer tokenServer() {
        return tokenServer;
    }

    /** {@code user:password} for skopeo's --dest-creds, or null in anonymous mode. */
    public String credsOrNull() {
        return tokenServer != null || Files.exists(dir.resolve("htpasswd")) ? USER + ":" + PASSWORD : null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (tokenServer != null) {
                tokenServer.close();
            }
            TestDirs.deleteTree(dir);
        }
    }
}
