package dev.banger.helper.api;

/** The tap as it now is; {@code changed} is false when the call found it already so. */
public record TapResult(String name, String bridge, long ownerUid, boolean changed) {
}
