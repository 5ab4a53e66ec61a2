package dev.banger.plugins.image.rootfs;

import dev.banger.kernel.api.files.FileTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proves no root is needed: a child JVM running as uid/gid 65534 (setpriv) flattens the fixture and builds
 * the ext4 image, and the image still has uid 1000/65534 owners, setuid bits and device nodes. The test
 * classpath is copied to a world-readable directory first, since ~/.m2 of root is not readable by 65534.
 */
class NonRootBuildTest {
    private static final int NOBODY = 65534;

    private Path work;

    @AfterEach
    void cleanUp() {
        if (work != null) {
            FileTrees.deleteQuietly(work);
        }
    }

    @Test
    void buildsAsUid65534WithRealOwnersModesAndDevices() throws Exception {
        Ext4Tools.assumeE2fsprogs();
        assumeTrue(Ext4Tools.isRoot(), "switching to uid 65534 needs root; tests run as " + System.getProperty("user.name"));
        assumeTrue(Ext4Tools.onHost("setpriv"), "setpriv (util-linux) is not installed");

        work = Files.createTempDirectory("banger-nonroot-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String classpath = readableClasspath(work.resolve("cp"));
        Path out = Files.createDirectory(work.resolve("out"));
        Files.setAttribute(out, "unix:uid", NOBODY);
        Files.setAttribute(out, "unix:gid", NOBODY);
        List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + out,
                "-cp", classpath, NonRootBuildMain.class.getName(), out.resolve("rootfs.ext4").toString()));
        List<byte[]> layers = FixtureImage.layers();
        for (int i = 0; i < layers.size(); i++) {
            Path tar = work.resolve("layer" + i + ".tar");
            Files.write(tar, layers.get(i));
            argv.add(tar.toString());
        }

        Process child = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("Uid: 65534 65534 65534 65534");
        Path image = out.resolve("rootfs.ext4");
        assertThat((int) Files.getAttribute(image, "unix:uid")).isEqualTo(NOBODY);
        List<Ext4Entry> entries = Ext4Inspector.list(image);
        // guest preparation added /etc/ssh and /usr/lib/banger: one more link on each parent
        List<String> expected = FixtureImage.EXPECTED.lines()
                .map(l -> l.equals("/etc DIRECTORY 0:0 0755 - 2") || l.equals("/usr/lib DIRECTORY 0:0 0755 - 2") ? l.replace("- 2", "- 3") : l)
                .toList();
        assertThat(FixtureImage.describeAll(entries)).containsAll(expected);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/usr/lib/banger/init");
            assertThat(e.uid()).isZero();
            assertThat(e.permissions()).isEqualTo(0755);
        });
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("rootfs.ext4");
        }
    }

    /** Copies every test classpath entry under {@code dest}, world-readable, and returns the new classpath. */
    private static String readableClasspath(Path dest) throws IOException {
        String original = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> copied = new ArrayList<>();
        int i = 0;
        for (String entry : original.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = dest.resolve(i++ + "-" + source.getFileName());
            copyTree(source, target);
            copied.add(target.toString());
        }
        return String.join(File.pathSeparator, copied);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (var paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
                Files.setPosixFilePermissions(t, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        for (Path parent = target.getParent(); parent != null && parent.startsWith(target.getRoot()) && !parent.equals(target.getRoot()); parent = parent.getParent()) {
            if (parent.getFileName().toString().startsWith("banger-nonroot-")) {
                break;
            }
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
