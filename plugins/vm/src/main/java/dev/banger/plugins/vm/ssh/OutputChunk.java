package dev.banger.plugins.vm.ssh;

/** Bytes a remote command wrote, in the order they arrived on that stream. */
public record OutputChunk(Source source, byte[] data) {
    public enum Source { STDOUT, STDERR }
}
