package dev.banger.plugins.image.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a staging tree (following its symlinks inside the image) to find out what the guest has. */
final class GuestFeatureDetector {
    private static final List<String> SYSTEMD_BINARIES = List.of("/lib/systemd/systemd", "/usr/lib/systemd/systemd");
    private static final Map<String, List<String>> PACKAGE_MANAGERS = new LinkedHashMap<>();

    static {
        PACKAGE_MANAGERS.put("apk", List.of("/sbin/apk", "/usr/bin/apk"));
        PACKAGE_MANAGERS.put("apt", List.of("/usr/bin/apt-get"));
        PACKAGE_MANAGERS.put("dnf", List.of("/usr/bin/dnf", "/usr/bin/microdnf"));
        PACKAGE_MANAGERS.put("yum", List.of("/usr/bin/yum"));
    }

    private GuestFeatureDetector() {
    }

    static GuestFeatures detect(StagingTree tree) {
        String systemdBinary = SYSTEMD_BINARIES.stream().filter(p -> isFile(tree, p)).findFirst().orElse(null);
        String init = systemdBinary == null ? GuestFeatures.BANGER_INIT
                : initIsSystemd(tree) ? "/sbin/init" : systemdBinary;
        Map<String, String> osRelease = osRelease(tree);
        return new GuestFeatures(systemdBinary != null, isFile(tree, "/usr/sbin/sshd"), packageManager(tree),
                osRelease.get("ID"), osRelease.get("VERSION_ID"), init);
    }

    private static boolean initIsSystemd(StagingTree tree) {
        if (!isFile(tree, "/sbin/init")) {
            return false;
        }
        String resolved = tree.canonical("/sbin/init", true, "/sbin/init");
        return SYSTEMD_BINARIES.stream().anyMatch(p -> tree.canonical(p, true, p).equals(resolved));
    }

    private static String packageManager(StagingTree tree) {
        for (Map.Entry<String, List<String>> pm : PACKAGE_MANAGERS.entrySet()) {
            if (pm.getValue().stream().anyMatch(p -> isFile(tree, p))) {
                return pm.getKey();
            }
        }
        return null;
    }

    private static Map<String, String> osRelease(StagingTree tree) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String candidate : List.of("/etc/os-release", "/usr/lib/os-release")) {
            if (isFile(tree, candidate)) {
                try {
                    String text = Files.readString(tree.hostPath(tree.canonical(candidate, true, candidate)), StandardCharsets.UTF_8);
                    text.lines().forEach(line -> parseAssignment(line, values));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                break;
            }
        }
        return values;
    }

    private static void parseAssignment(String line, Map<String, String> into) {
        int eq = line.indexOf('=');
        if (eq <= 0 || line.startsWith("#")) {
            return;
        }
        String value = line.substring(eq + 1).trim();
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
            value = value.substring(1, value.length() - 1);
        }
        into.put(line.substring(0, eq).trim(), value);
    }

    private static boolean isFile(StagingTree tree, String path) {
        FsNode node = tree.lookupFollowing(path);
        return node != null && node.type() == NodeType.FILE;
    }
}
