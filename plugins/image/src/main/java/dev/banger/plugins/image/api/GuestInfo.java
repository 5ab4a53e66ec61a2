package dev.banger.plugins.image.api;

/** What banger found in an image's root filesystem, so the VM plugin knows how to boot it. */
public record GuestInfo(boolean systemd, boolean sshd, String init, String packageManager, String osId, String osVersion) {
}
