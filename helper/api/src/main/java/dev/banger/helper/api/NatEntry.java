package dev.banger.helper.api;

/** One guest that banger NATs: its address and the tap its rules are keyed on. */
public record NatEntry(String guestIp, String tap, String bridge) {
}
