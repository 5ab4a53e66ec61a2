package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Writes what banger needs at boot into a staging tree before mkfs (all root-owned): the network/readiness
 * script, an init wrapper for images without systemd, systemd units for images with it, and sshd settings.
 * Per-VM files (keys, hostname) are not written here; they go into each VM's overlay.
 */
public final class GuestPreparer {
    private static final String UNIT_DIR = "/etc/systemd/system";
    private static final String WANTS_DIR = UNIT_DIR + "/multi-user.target.wants";
    static final String SSHD_CONFIG = "/etc/ssh/sshd_config.d/banger.conf";

    public GuestFeatures prepare(StagingTree tree) {
        GuestFeatures features = GuestFeatureDetector.detect(tree);
        try {
            tree.writeFile(GuestFeatures.GUEST_SETUP, resource("guest-setup.sh"), 0755);
            tree.writeFile(GuestFeatures.BANGER_INIT, resource("init.sh"), 0755);
            if (features.systemd()) {
                installUnit(tree, "banger-guest.service");
                installUnit(tree, "banger-ready.service");
            }
            // without systemd, banger's init installs sshd on first boot, and that sshd should read this too
            if (features.sshd() || !features.systemd()) {
                tree.writeFile(SSHD_CONFIG, resource("sshd-banger.conf"), 0644);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return features;
    }

    /** Writes the unit and enables it the way systemctl would: an absolute symlink in the wants dir. */
    private static void installUnit(StagingTree tree, String unit) throws IOException {
        tree.writeFile(UNIT_DIR + "/" + unit, resource(unit), 0644);
        String link = tree.canonical(ImagePath.of(WANTS_DIR + "/" + unit), false, unit);
        tree.ensureParents(link);
        tree.putSymlink(link, FsNode.rootOwned(NodeType.SYMLINK, 0777).symlinkTarget(UNIT_DIR + "/" + unit));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GuestPreparer.class.getResourceAsStream("guest/" + name)) {
            if (in == null) {
                throw new IOException("missing resource guest/" + name + " in the image plugin");
            }
            return in.readAllBytes();
        }
    }
}
