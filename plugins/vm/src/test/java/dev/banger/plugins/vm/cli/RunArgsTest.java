package dev.banger.plugins.vm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunArgsTest {
    @Test
    void everythingAfterTheDashesIsTheCommandEvenWhenItLooksLikeAPath() {
        RunArgs a = RunArgs.split(List.of("sh", "-c", "exit 42"), List.of("vm", "run", "--rm", "--", "sh", "-c", "exit 42"));
        assertThat(a.path()).isNull();
        assertThat(a.command()).containsExactly("sh", "-c", "exit 42");
    }

    @Test
    void aPositionalBeforeTheDashesIsThePath() {
        RunArgs a = RunArgs.split(List.of("./src", "make"), List.of("vm", "run", "./src", "--", "make"));
        assertThat(a.path()).isEqualTo("./src");
        assertThat(a.command()).containsExactly("make");
        assertThat(RunArgs.split(List.of("./src"), List.of("vm", "run", "./src")).path()).isEqualTo("./src");
    }

    @Test
    void nothingMeansAShell() {
        RunArgs a = RunArgs.split(null, List.of("vm", "run"));
        assertThat(a.path()).isNull();
        assertThat(a.hasCommand()).isFalse();
    }

    @Test
    void twoPathsAreRefusedWithAHintAboutTheDashes() {
        assertThatThrownBy(() -> RunArgs.split(List.of("make", "test"), List.of("vm", "run", "make", "test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("banger vm run -- make test");
    }
}
