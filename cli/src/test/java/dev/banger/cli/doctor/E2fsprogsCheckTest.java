package dev.banger.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class E2fsprogsCheckTest {
    @Test
    void tarInputStartsAt1_47_1() {
        assertThat(E2fsprogsCheck.supportsTar(new int[] {1, 47, 0})).isFalse();
        assertThat(E2fsprogsCheck.supportsTar(new int[] {1, 46, 5})).isFalse();
        assertThat(E2fsprogsCheck.supportsTar(new int[] {1, 47, 1})).isTrue();
        assertThat(E2fsprogsCheck.supportsTar(new int[] {1, 47, 2})).isTrue();
        assertThat(E2fsprogsCheck.supportsTar(new int[] {1, 48, 0})).isTrue();
        assertThat(E2fsprogsCheck.supportsTar(new int[] {2, 0, 0})).isTrue();
    }
}
