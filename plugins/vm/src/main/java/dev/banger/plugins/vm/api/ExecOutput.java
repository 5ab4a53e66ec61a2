package dev.banger.plugins.vm.api;

/** One streamed chunk of a vm.exec: {@code stream} is stdout or stderr. */
public record ExecOutput(String stream, String data) {
}
