package dev.banger.helper.server;

/** Who is on the other end of a connection, as the kernel reports it (SO_PEERCRED), not as they claim. */
public record Peer(long pid, long uid, long gid) {
}
