package dev.banger.plugins.vm.api;

public record ExecResult(int exitCode) {
}
