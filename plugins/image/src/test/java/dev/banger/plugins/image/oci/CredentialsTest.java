package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void explicitBeatsEnvironmentBeatsDockerConfig() throws Exception {
        Path config = dockerConfig("{\"auths\":{\"localhost:5000\":{\"username\":\"cfg\",\"password\":\"p\"}}}");
        Map<String, String> env = Map.of(Credentials.ENV_USER, "envuser", Credentials.ENV_PASSWORD, "envpass");
        assertThat(Credentials.resolve("localhost:5000", "me:pw:with:colons", env, config))
                .contains(new Credentials("me", "pw:with:colons"));
        assertThat(Credentials.resolve("localhost:5000", null, env, config)).contains(new Credentials("envuser", "envpass"));
        assertThat(Credentials.resolve("localhost:5000", null, Map.of(), config)).contains(new Credentials("cfg", "p"));
        assertThat(Credentials.resolve("other:5000", null, Map.of(), config)).isEmpty();
    }

    @Test
    void decodesBase64AuthAndMatchesDockerHubAliasesAndUrlKeys() throws Exception {
        String auth = Base64.getEncoder().encodeToString("hubuser:hubpass".getBytes(StandardCharsets.UTF_8));
        Path config = dockerConfig("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth + "\"},"
                + "\"https://reg.example:444\":{\"auth\":\"" + auth + "\"}}}");
        assertThat(Credentials.resolve("docker.io", null, Map.of(), config)).contains(new Credentials("hubuser", "hubpass"));
        assertThat(Credentials.resolve("reg.example:444", null, Map.of(), config)).isPresent();
    }

    @Test
    void aMissingConfigIsAnonymous() {
        assertThat(Credentials.resolve("docker.io", null, Map.of(), dir.resolve("absent.json"))).isEqualTo(Optional.empty());
    }

    @Test
    void badExplicitCredsAreABadRequest() {
        assertThatThrownBy(() -> Credentials.parse("nocolon"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new Credentials("u", "topsecret").toString()).doesNotContain("topsecret");
    }

    @Test
    void dockerConfigDirComesFromTheEnvironment() {
        assertThat(Credentials.defaultDockerConfig(Map.of("DOCKER_CONFIG", "/x/y"))).isEqualTo(Path.of("/x/y/config.json"));
    }

    private Path dockerConfig(String json) throws Exception {
        return Files.writeString(dir.resolve("config.json"), json);
    }
}
