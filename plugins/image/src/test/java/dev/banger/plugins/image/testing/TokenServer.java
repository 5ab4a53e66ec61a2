package dev.banger.plugins.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker registry token server for tests: checks Basic credentials and issues RS256 JWTs whose
 * header {@code x5c} holds the certificate the registry trusts ({@code rootcertbundle}). The key and
 * self-signed certificate are made with openssl. Every issued token is recorded with its scopes.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "banger-test-registry";
    public static final String ISSUER = "banger-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String user;
    private final String password;
    private final PrivateKey key;
    private final String certificateDer;
    private final Path certificatePem;
    private final HttpServer server;
    private final List<String> issuedScopes = new CopyOnWriteArrayList<>();

    public TokenServer(Path dir, String user, String password) throws Exception {
        this.user = user;
        this.password = password;
        Path keyPem = dir.resolve("token-key.pem");
        this.certificatePem = dir.resolve("token-cert.pem");
        Commands.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPem.toString(),
                "-out", certificatePem.toString(), "-days", "2", "-subj", "/CN=banger-test-token"));
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyPem)));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certificatePem));
        this.certificateDer = Base64.getEncoder().encodeToString(cert.getEncoded());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public Path certificatePem() {
        return certificatePem;
    }

    /** The scope parameters of every token issued so far, one entry per token. */
    public List<String> issuedScopes() {
        return issuedScopes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            List<String> scopes = queryValues(exchange.getRequestURI().getRawQuery(), "scope");
            issuedScopes.add(String.join(" ", scopes));
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token", jwt(scopes)).put("expires_in", 300));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(List<String> scopes) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(certificateDer);
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            String[] parts = scope.split(":");  // repository:name:actions (names never hold ':' here)
            ObjectNode grant = access.addObject().put("type", parts[0]).put("name", parts[1]);
            ArrayNode actions = grant.putArray("actions");
            for (String action : parts[2].split(",")) {
                actions.add(action);
            }
        }
        String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rs256.sign());
    }

    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pemBody(Path pem) throws IOException {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
