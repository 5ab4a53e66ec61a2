package dev.banger.plugins.image.rootfs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Skips a test with a reason when the host lacks a tool it needs. */
final class Ext4Tools {
    private Ext4Tools() {
    }

    static void assumeE2fsprogs() {
        for (String tool : List.of("mkfs.ext4", "debugfs", "mke2fs")) {
            assumeTrue(onHost(tool), tool + " is not installed (e2fsprogs); cannot build or inspect ext4 images");
        }
    }

    static boolean onHost(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
