package dev.banger.plugins.image.kernel;

import dev.banger.kernel.api.files.FileTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bangerd runs as an ordinary user: one whole pull (apt-cache, apt-get download, dpkg-deb, initramfs,
 * store) runs here in a JVM started as uid 65534 (nobody), with a copy of the test classpath it can read.
 */
class UnprivilegedPullTest {
    private static final int NOBODY = 65534;
    private Path dir;

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            FileTrees.deleteRecursively(dir);
        }
    }

    @Test
    void aPullWorksAsUid65534() throws Exception {
        assumeTrue(isRoot(), "needs root to start a process as uid 65534");
        assumeTrue(DebianCloudKernelTest.onPath("setpriv") && DebianCloudKernelTest.onPath("apt-get"),
                "needs setpriv (util-linux) and apt-get");
        dir = Files.createTempDirectory("banger-unprivileged-pull");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String classpath = readableClasspath(Files.createDirectory(dir.resolve("classpath")));
        Path store = Files.createDirectory(dir.resolve("store"));
        Files.setAttribute(store, "unix:uid", NOBODY);
        Path log = dir.resolve("pull.log");

        Process pull = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                UnprivilegedPullMain.class.getName(), store.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        boolean finished;
        try {
            finished = pull.waitFor(5, TimeUnit.MINUTES);
        } finally {
            pull.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("pull as uid 65534 took %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(finished).as(output).isTrue();
        assertThat(pull.exitValue()).as(output).isZero();
        StoredKernel kernel = new KernelStore(store).show(DebianCloudKernel.DEFAULT_NAME);
        assertThat(BzImage.isBzImage(kernel.vmlinuz())).isTrue();
        assertThat(Files.getAttribute(kernel.vmlinuz(), "unix:uid")).isEqualTo(NOBODY);
        assertThat(kernel.initrd()).isPresent();
    }

    /** Copies of the classpath entries in a directory nobody can read (~/.m2 of root is not readable). */
    private static String readableClasspath(Path target) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path copy = target.resolve(index++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                FileTrees.copyTree(source, copy);
            } else {
                Files.copy(source, copy);
            }
            entries.add(copy.toString());
        }
        makeReadable(target);
        return String.join(File.pathSeparator, entries);
    }

    private static void makeReadable(Path tree) throws IOException {
        try (var paths = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().map(l -> l.split("\\s+")[1]).orElse(""));
    }
}
