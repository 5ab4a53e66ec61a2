package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.banger.plugins.vm.net.NetnsEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one command in a guest over ssh: output is streamed as it arrives (stdout and stderr kept apart), the
 * remote exit code is returned, and the ssh process is killed on cancellation or timeout.
 *
 * <p>ssh exits 255 both when it fails itself and when the remote command exits 255. The two are told apart
 * by ssh's own diagnostics, which go to a separate log file ({@code -E}): at LogLevel=ERROR a working session
 * writes nothing there.
 *
 * <p>Known limit: killing ssh ends the session, but without a tty sshd does not signal the remote command,
 * so a cancelled command keeps running in the guest until it ends by itself.
 */
public final class SshExec {
    private static final long POLL_MS = 100;
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final SshArgv argv;
    private final KnownHosts knownHosts;
    private final NetnsEntry netns;

    public SshExec(SshArgv argv, KnownHosts knownHosts) {
        this(argv, knownHosts, NetnsEntry.none());
    }

    /** @param netns where ssh runs: the namespace that holds the guests' addresses, or none (ours) */
    public SshExec(SshArgv argv, KnownHosts knownHosts, NetnsEntry netns) {
        this.argv = argv;
        this.knownHosts = knownHosts;
        this.netns = netns;
    }

    /**
     * @param output called with each chunk, from one thread at a time (calls are serialised)
     * @param cancelled polled every 100 ms, e.g. {@code ctx::cancelled} or {@code progress::cancelled}
     * @return the remote command's exit code
     * @throws RpcException CANCELLED when cancelled, OPERATION_FAILED on timeout or when ssh itself failed,
     *     CONFLICT when the guest's host key changed
     */
    public int run(String vmName, SshTarget target, List<String> command, Consumer<OutputChunk> output,
                   BooleanSupplier cancelled, Duration timeout) {
        return run(vmName, target, command, null, output, cancelled, timeout);
    }

    /**
     * As {@link #run(String, SshTarget, List, Consumer, BooleanSupplier, Duration)}, with the remote command's
     * stdin read from {@code stdin} (null: end-of-file at once). ssh reads the file itself, so a large input
     * (a git bundle) streams to the guest without passing through this JVM's memory.
     */
    public int run(String vmName, SshTarget target, List<String> command, Path stdin, Consumer<OutputChunk> output,
                   BooleanSupplier cancelled, Duration timeout) {
        Path sshLog = null;
        try {
            sshLog = Files.createTempFile("banger-ssh-", ".log");
            ProcessBuilder builder = new ProcessBuilder(netns.wrap(argv.batch(target, command, sshLog)));
            if (stdin != null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
            }
            Process ssh = builder.start();
            ssh.getOutputStream().close(); // without a stdin file the remote command reads end-of-file, never our stdin
            Object oneAtATime = new Object();
            Consumer<OutputChunk> serialised = chunk -> {
                synchronized (oneAtATime) {
                    output.accept(chunk);
                }
            };
            StreamPump out = StreamPump.start("ssh-stdout-" + vmName, ssh.getInputStream(), OutputChunk.Source.STDOUT, serialised);
            StreamPump err = StreamPump.start("ssh-stderr-" + vmName, ssh.getErrorStream(), OutputChunk.Source.STDERR, serialised);
            waitOrKill(ssh, vmName, cancelled, timeout);
            out.join();
            err.join();
            int exit = ssh.exitValue();
            String diagnostics = Files.readString(sshLog, StandardCharsets.UTF_8);
            if (exit == 255 && !diagnostics.isBlank()) {
                throw SshFailure.from(vmName, target, knownHosts, diagnostics);
            }
            return exit;
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "cannot run ssh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(ErrorCode.CANCELLED, "interrupted while running a command in VM " + vmName, e);
        } finally {
            if (sshLog != null) {
                try {
                    Files.deleteIfExists(sshLog);
                } catch (IOException ignored) {
                    // a leftover empty temp file is harmless
                }
            }
        }
    }

    private static void waitOrKill(Process ssh, String vmName, BooleanSupplier cancelled, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ssh.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
                kill(ssh);
                throw new RpcException(ErrorCode.CANCELLED, "command in VM " + vmName + " cancelled");
            }
            if (System.nanoTime() - deadline > 0) {
                kill(ssh);
                throw new RpcException(ErrorCode.OPERATION_FAILED, "command in VM " + vmName
                        + " did not finish within " + timeout.toSeconds() + " s");
            }
        }
    }

    private static void kill(Process ssh) throws InterruptedException {
        ssh.destroy();
        if (!ssh.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            ssh.destroyForcibly().waitFor();
        }
    }
}
