package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.Sizes;

/** --memory as create and set take it: a bare number is MiB ("512"), otherwise a size ("2G", "1536M"). */
final class MemoryOption {
    private MemoryOption() {
    }

    static Integer mib(String memory) {
        return memory == null ? null : (int) (Sizes.parse(memory.matches("[0-9]+") ? memory + "M" : memory, "--memory") >> 20);
    }
}
