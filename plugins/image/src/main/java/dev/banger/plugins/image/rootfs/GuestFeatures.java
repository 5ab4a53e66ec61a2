package dev.banger.plugins.image.rootfs;

/**
 * What a prepared image has, for the VM plugin to choose its boot line.
 *
 * @param systemd        systemd will be PID 1 (banger's units are installed and enabled)
 * @param sshd           /usr/sbin/sshd is in the image (without it, banger's init installs openssh on first boot)
 * @param packageManager "apk", "apt", "dnf", "yum", or null when none was found
 * @param osId           os-release ID (e.g. "debian", "alpine"), or null
 * @param osVersionId    os-release VERSION_ID, or null
 * @param initPath       what to pass as {@code init=} on the kernel command line
 */
public record GuestFeatures(boolean systemd, boolean sshd, String packageManager, String osId, String osVersionId,
                            String initPath) {
    public static final String BANGER_INIT = "/usr/lib/banger/init";
    public static final String GUEST_SETUP = "/usr/lib/banger/guest-setup";
}
