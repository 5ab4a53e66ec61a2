package dev.banger.helper.api;

/** The bridge as it now is; {@code changed} is false when the call found it already so. */
public record BridgeResult(String name, String cidr, boolean changed) {
}
