package dev.banger.helper.api;

/** {@code priv.ping}: who answers, for whom, and in which network namespace (null: the host's). */
public record PingResult(String helper, String version, long ownerUid, String bridgePrefix, String subnet,
                         String netns) {
}
