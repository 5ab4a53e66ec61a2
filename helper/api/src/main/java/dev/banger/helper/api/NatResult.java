package dev.banger.helper.api;

/** {@code changed} is false when the rules were already there (enable) or already gone (disable). */
public record NatResult(String guestIp, String tap, boolean changed) {
}
