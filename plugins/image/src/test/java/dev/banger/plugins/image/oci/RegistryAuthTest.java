package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.image.testing.LocalRegistry;
import dev.banger.plugins.image.testing.LocalRegistry.Mode;
import dev.banger.plugins.image.testing.OciLayoutWriter;
import dev.banger.plugins.image.testing.OciLayoutWriter.Compression;
import dev.banger.plugins.image.testing.RecordingProgress;
import dev.banger.plugins.image.testing.Skopeo;
import dev.banger.plugins.image.testing.Skopeo.Format;
import dev.banger.plugins.image.testing.TarFixtures;
import dev.banger.plugins.image.testing.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Basic (htpasswd) and Bearer-token registries: right, wrong and missing credentials; token scoping. */
class RegistryAuthTest {
    private static final Credentials RIGHT = new Credentials(LocalRegistry.USER, LocalRegistry.PASSWORD);
    private static final Credentials WRONG = new Credentials(LocalRegistry.USER, "wrong-password");
    private static LocalRegistry htpasswd;
    private static LocalRegistry token;
    private static Path layoutDir;

    @TempDir
    Path cacheRoot;

    @BeforeAll
    static void startRegistries() throws Exception {
        htpasswd = LocalRegistry.start(Mode.HTPASSWD);
        token = LocalRegistry.start(Mode.TOKEN);
        layoutDir = Files.createTempDirectory("banger-oci-layout");
        OciLayoutWriter layout = new OciLayoutWriter(layoutDir);
        layout.tag("v1", layout.image(Platform.LINUX_AMD64, List.of(TarFixtures.tar(Map.of("hello", "auth\n"))), Compression.GZIP));
        for (LocalRegistry registry : List.of(htpasswd, token)) {
            Skopeo.push(layout, "v1", registry, "secure/a", Format.OCI, false);
            Skopeo.push(layout, "v1", registry, "secure/b", Format.OCI, false);
        }
    }

    @AfterAll
    static void stopRegistries() throws Exception {
        try (LocalRegistry a = htpasswd; LocalRegistry b = token) {
            TestDirs.deleteTree(layoutDir);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"HTPASSWD", "TOKEN"})
    void rightCredentialsPull(Mode mode) {
        PulledImage image = pull(mode, "secure/a:v1", Optional.of(RIGHT));
        assertThat(image.layers()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"HTPASSWD", "TOKEN"})
    void wrongCredentialsAreAClearUnauthorized(Mode mode) {
        assertThatThrownBy(() -> pull(mode, "secure/a:v1", Optional.of(WRONG)))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("refused", "user '" + LocalRegistry.USER + "'").doesNotContain("wrong-password");
                });
        assertThat(cacheRoot.resolve("oci/blobs")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"HTPASSWD", "TOKEN"})
    void missingCredentialsAreUnauthorized(Mode mode) {
        assertThatThrownBy(() -> pull(mode, "secure/a:v1", Optional.empty()))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void tokensAreFetchedPerClientAndPerRepositoryNeverShared() {
        List<String> issued = token.tokenServer().issuedScopes();
        int before = issued.size();
        pull(Mode.TOKEN, "secure/a:v1", Optional.of(RIGHT));
        pull(Mode.TOKEN, "secure/a:v1", Optional.of(RIGHT));
        pull(Mode.TOKEN, "secure/b:v1", Optional.of(RIGHT));
        List<String> ours = new ArrayList<>(issued.subList(before, issued.size()));
        // one token per pull (a pull reuses its own token for all its requests), each for its own repository
        assertThat(ours).containsExactly("repository:secure/a:pull", "repository:secure/a:pull", "repository:secure/b:pull");
    }

    private PulledImage pull(Mode mode, String nameAndTag, Optional<Credentials> credentials) {
        LocalRegistry registry = mode == Mode.TOKEN ? token : htpasswd;
        OciPuller puller = new OciPuller(new BlobCache(cacheRoot), RegistryOptions.defaults().withCredentials(credentials));
        return puller.pull(ImageReference.parse(registry.hostPort() + "/" + nameAndTag), Platform.LINUX_AMD64, new RecordingProgress());
    }
}
