package dev.banger.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small ext4 file system of our own, loop-mounted under a temp dir (root only), to fill up on
 * purpose. Made with no reserved blocks, so "usable" is what any writer gets. {@link #close()}
 * unmounts (which also detaches the loop device: mount -o loop sets autoclear) and deletes the file.
 */
final class LoopFs implements AutoCloseable {
    final Path mountPoint;
    private final Path dir;
    private final Path image;
    private boolean mounted;

    private LoopFs(Path dir) {
        this.dir = dir;
        this.image = dir.resolve("fs.img");
        this.mountPoint = dir.resolve("mnt");
    }

    static LoopFs create(int sizeMiB) throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "loop mounts need root");
        LoopFs fs = new LoopFs(Files.createTempDirectory(Path.of("/tmp"), "bgloop"));
        try {
            Files.createDirectories(fs.mountPoint);
            run("truncate", "-s", sizeMiB + "M", fs.image.toString());
            run("mkfs.ext4", "-q", "-F", "-m", "0", fs.image.toString());
            run("mount", "-o", "loop", fs.image.toString(), fs.mountPoint.toString());
            fs.mounted = true;
            return fs;
        } catch (Exception e) {
            fs.close();
            throw e;
        }
    }

    long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Grows (or shrinks) a filler file so that about {@code bytes} stay free; returns the filler. */
    Path leaveFree(long bytes) throws Exception {
        Path filler = mountPoint.resolve("filler");
        long current = Files.exists(filler) ? Files.size(filler) : 0;
        long target = Math.max(0, current + free() - bytes);
        Files.deleteIfExists(filler);
        run("fallocate", "-l", Long.toString(target), filler.toString());
        return filler;
    }

    void removeFiller() throws IOException {
        Files.deleteIfExists(mountPoint.resolve("filler"));
    }

    @Override
    public void close() throws Exception {
        try {
            if (mounted) {
                try {
                    run("umount", mountPoint.toString());
                } catch (IOException busy) {
                    run("umount", "-l", mountPoint.toString()); // something still holds a file: detach lazily rather than leak
                }
                mounted = false;
            }
        } finally {
            Files.deleteIfExists(image);
            Files.deleteIfExists(mountPoint);
            Files.deleteIfExists(dir);
        }
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
    }
}
