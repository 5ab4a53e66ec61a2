package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"debian-cloud", "a", "6.1.0-50", "k_1.x", "0123456789012345678901234567890123456789012345678901234567890ab"})
    void acceptsDirectorySafeNames(String name) {
        assertThat(KernelName.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "a..b", "a/b", "/etc", ".hidden", "-dash", "Upper", "with space",
            ".staging-x", "0123456789012345678901234567890123456789012345678901234567890abc"})
    void rejectsEverythingElseNamingTheField(String name) {
        assertThatThrownBy(() -> KernelName.validate(name))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("params.name");
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertThatThrownBy(() -> KernelName.validate(null)).hasMessageContaining("params.name");
    }
}
