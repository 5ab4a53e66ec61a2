package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.process.HostCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A real OpenSSH sshd for tests, without installing openssh-server (installing it would start a system
 * service): the .deb and any library package it needs that the host lacks are fetched with
 * {@code apt-get download} (the host's own apt configuration) and unpacked with {@code dpkg-deb -x} under
 * {@code target/sshd-dist}, once per build directory.
 */
final class SshdDistribution {
    private static final Path ROOT = Path.of("target", "sshd-dist").toAbsolutePath();
    private static Path extracted;

    private SshdDistribution() {
    }

    /** The unpacked tree ({@code usr/sbin/sshd}, libraries under {@code usr/lib/x86_64-linux-gnu}), or a skip. */
    static synchronized Path root() {
        if (extracted != null) {
            return extracted;
        }
        Path tree = ROOT.resolve("root");
        if (!Files.isExecutable(tree.resolve("usr/sbin/sshd"))) {
            fetchAndUnpack(tree);
        }
        extracted = tree;
        return tree;
    }

    static Path libraryDir() {
        return root().resolve("usr/lib/x86_64-linux-gnu");
    }

    private static void fetchAndUnpack(Path tree) {
        Path debs = ROOT.resolve("debs");
        try {
            Files.createDirectories(debs);
            List<String> packages = new ArrayList<>(List.of("openssh-server"));
            packages.addAll(missingLibraryDependencies());
            List<String> download = new ArrayList<>(List.of("apt-get", "download"));
            download.addAll(packages);
            run(download, debs, "apt-get download " + String.join(" ", packages));
            try (var files = Files.list(debs)) {
                for (Path deb : files.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    run(List.of("dpkg-deb", "-x", deb.toString(), tree.toString()), debs, "dpkg-deb -x " + deb.getFileName());
                }
            }
        } catch (IOException e) {
            throw new TestAbortedException("cannot prepare a test sshd: " + e.getMessage());
        }
    }

    /** Library packages openssh-server depends on that are not installed here (on Debian 12: libwrap0). */
    private static List<String> missingLibraryDependencies() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String line : run(List.of("apt-cache", "depends", "openssh-server"), null, "apt-cache depends").split("\n")) {
            String l = line.strip();
            if (l.startsWith("Depends: lib")) {
                String pkg = l.substring("Depends: ".length()).strip();
                String status = runAllowingFailure(List.of("dpkg-query", "-W", "-f=${Status}", pkg));
                if (!status.contains("install ok installed")) {
                    missing.add(pkg);
                }
            }
        }
        return missing;
    }

    private static String run(List<String> argv, Path dir, String what) throws IOException {
        HostCommand.Result r = runTool(argv, dir);
        if (r.exitCode() != 0) {
            throw new TestAbortedException(what + " failed (exit " + r.exitCode() + "), no test sshd: " + r.stderr().strip());
        }
        return r.stdout();
    }

    private static String runAllowingFailure(List<String> argv) throws IOException {
        return runTool(argv, null).stdout();
    }

    private static HostCommand.Result runTool(List<String> argv, Path dir) throws IOException {
        Process p = new ProcessBuilder(argv).directory(dir == null ? null : dir.toFile()).start();
        p.getOutputStream().close();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete(e.toString());
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TestAbortedException(argv.get(0) + " took over 120 s");
            }
            return new HostCommand.Result(p.exitValue(), out, err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestAbortedException("interrupted");
        }
    }
}
