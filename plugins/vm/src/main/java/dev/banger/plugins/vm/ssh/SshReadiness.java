package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a guest's sshd answers with its version banner. A TCP connect alone proves nothing: QEMU's user
 * networking accepts connections on a forwarded port before anything listens in the guest.
 */
public final class SshReadiness {
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int READ_TIMEOUT_MS = 2000;
    private static final long RETRY_MS = 200;
    // RFC 4253 lets a server send other lines before its version; a banner never needs more than this
    private static final int MAX_PRE_BANNER_BYTES = 8192;

    private SshReadiness() {
    }

    /** How one attempt reads the banner: over a socket of ours, or from inside a network namespace. */
    @FunctionalInterface
    public interface BannerSource {
        String read(SshTarget target) throws IOException;
    }

    /** Returns the banner line ({@code SSH-2.0-…}) once sshd sends it; throws after {@code timeout}. */
    public static String awaitBanner(String vmName, SshTarget target, Duration timeout, BooleanSupplier cancelled) {
        return awaitBanner(vmName, target, timeout, cancelled, SshReadiness::readBanner);
    }

    public static String awaitBanner(String vmName, SshTarget target, Duration timeout, BooleanSupplier cancelled, BannerSource source) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "nothing tried yet";
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new RpcException(ErrorCode.CANCELLED, "waiting for ssh in VM " + vmName + " cancelled");
            }
            try {
                return source.read(target);
            } catch (IOException e) {
                lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "VM " + vmName + ": ssh at " + target
                        + " did not answer within " + timeout.toSeconds() + " s (last: " + lastProblem
                        + "); see the guest's console with `banger vm logs " + vmName + "`");
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RpcException(ErrorCode.CANCELLED, "interrupted while waiting for ssh in VM " + vmName, e);
            }
        }
    }

    private static String readBanner(SshTarget target) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int read = 0; read < MAX_PRE_BANNER_BYTES; read++) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before an ssh banner");
                }
                if (b == '\n') {
                    String text = line.toString().strip();
                    if (text.startsWith("SSH-")) {
                        return text;
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            throw new IOException("no ssh banner in the first " + MAX_PRE_BANNER_BYTES + " bytes");
        }
    }
}
