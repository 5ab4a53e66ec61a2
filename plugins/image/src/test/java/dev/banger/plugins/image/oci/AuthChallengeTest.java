package dev.banger.plugins.image.oci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void parsesABearerChallenge() {
        AuthChallenge c = AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/debian:pull\"");
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.realm()).isEqualTo("https://auth.docker.io/token");
        assertThat(c.service()).isEqualTo("registry.docker.io");
        assertThat(c.scope()).isEqualTo("repository:library/debian:pull");
    }

    @Test
    void keepsCommasInsideQuotedValuesAndToleratesSpaces() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"http://h/token\", scope=\"repository:a/b:pull,push\", error=\"insufficient_scope\"");
        assertThat(c.scope()).isEqualTo("repository:a/b:pull,push");
        assertThat(c.params()).containsEntry("error", "insufficient_scope");
    }

    @Test
    void parsesBasicAndUnquotedValues() {
        AuthChallenge c = AuthChallenge.parse("Basic realm=banger-test");
        assertThat(c.scheme()).isEqualTo("basic");
        assertThat(c.realm()).isEqualTo("banger-test");
    }

    @Test
    void anEmptyHeaderIsAnEmptyScheme() {
        assertThat(AuthChallenge.parse(null).scheme()).isEmpty();
    }
}
