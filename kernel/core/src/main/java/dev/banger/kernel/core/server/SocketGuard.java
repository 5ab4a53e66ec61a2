package dev.banger.kernel.core.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One daemon per socket: an exclusive lock file beside the socket, held for the daemon's life.
 * While another daemon holds it we refuse to start; once we hold it a leftover socket file can
 * only be stale and is replaced. The directory is made 0700 so the socket is ours alone.
 */
public final class SocketGuard implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SocketGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static SocketGuard acquire(Path socket, String who) throws IOException, AlreadyRunningException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path lockFile = dir.resolve(socket.getFileName() + ".lock");
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new AlreadyRunningException("another " + who + " is already running on " + socket
                    + " (it holds " + lockFile + "); stop it first with `banger daemon stop`");
        }
        Files.deleteIfExists(socket); // stale: its daemon is gone, or it would hold the lock
        return new SocketGuard(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    public static class AlreadyRunningException extends Exception {
        public AlreadyRunningException(String message) {
            super(message);
        }
    }
}
