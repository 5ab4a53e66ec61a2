package dev.banger.helper.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Skips a test, with the reason, when this host cannot run it for real. */
final class HostSupport {
    private HostSupport() {
    }

    static void assumeRootWith(String... tools) {
        int uid = uid();
        assumeTrue(uid == 0, "needs root (running as uid " + uid + "): bridges, taps, nftables and netns need CAP_NET_ADMIN");
        for (String tool : tools) {
            assumeTrue(Binaries.find(tool).isPresent(), tool + " is not installed (see scripts/apt-packages.txt)");
        }
    }

    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            return -1;
        }
    }
}
