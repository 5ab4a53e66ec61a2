package dev.banger.plugins.image.kernel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticExecutableTest {
    @TempDir
    Path dir;

    @Test
    void acceptsAStaticExecutableAndRefusesADynamicOneOrNonElf() throws Exception {
        Path staticOne = FakeKernelFiles.executable(dir.resolve("static"), false);
        Path dynamicOne = FakeKernelFiles.executable(dir.resolve("dynamic"), true);
        Path text = Files.writeString(dir.resolve("text"), "#!/bin/sh\n");

        assertThatCode(() -> StaticExecutable.require(staticOne)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StaticExecutable.require(dynamicOne)).hasMessageContaining("dynamically linked");
        assertThatThrownBy(() -> StaticExecutable.require(text)).hasMessageContaining("not a 64-bit little-endian ELF");
    }
}
