package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "debian:bookworm, docker.io, library/debian, bookworm, -, registry-1.docker.io",
            "debian, docker.io, library/debian, latest, -, registry-1.docker.io",
            "docker.io/library/debian:bookworm, docker.io, library/debian, bookworm, -, registry-1.docker.io",
            "index.docker.io/foo/bar, docker.io, foo/bar, latest, -, registry-1.docker.io",
            "user/app:1.0, docker.io, user/app, 1.0, -, registry-1.docker.io",
            "localhost/app, localhost, app, latest, -, localhost",
            "localhost:5000/a/b:tag, localhost:5000, a/b, tag, -, localhost:5000",
            "ghcr.io/a/b/c:v1_2-x, ghcr.io, a/b/c, v1_2-x, -, ghcr.io",
            "127.0.0.1:5000/x, 127.0.0.1:5000, x, latest, -, 127.0.0.1:5000",
            "[::1]:5000/x:t, [::1]:5000, x, t, -, [::1]:5000",
    })
    void parsesWithDockerDefaults(String text, String registry, String repository, String tag, String digest, String apiHost) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
        assertThat(ref.apiHost()).isEqualTo(apiHost);
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian@sha256:" + HEX, "host:5000/a/b:tag@sha256:" + HEX})
    void keepsDigestsAndPinsTheManifestByDigest(String text) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.digest()).isEqualTo("sha256:" + HEX);
        assertThat(ref.manifestReference()).isEqualTo("sha256:" + HEX);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @ParameterizedTest
    @CsvSource({"localhost:5000/a, true", "127.0.0.1:1/a, true", "[::1]:5000/a, true", "debian, false", "example.com/a, false",
            "localhost.example.com/a, false"})
    void onlyLoopbackRegistriesAreLoopback(String text, boolean loopback) {
        assertThat(ImageReference.parse(text).isLoopback()).isEqualTo(loopback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UPPER", "a//b", "a:b:c", "debian:", "debian@sha256:abc", "debian@md5:" + HEX, "bad host/x",
            "a/-b", "debian:tag with space"})
    void rejectsBadReferencesNamingTheText(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).contains(text.isEmpty() ? "image reference" : text);
                });
    }
}
