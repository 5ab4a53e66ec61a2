package dev.banger.plugins.vm.workspace;

import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import dev.banger.plugins.vm.store.VmSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * A "guest" that is a directory on this host: the workspace scripts run locally with BANGER_WORKSPACE_HOME pointing
 * at it, stdin from the same file ssh would read. Tests the scripts and the framing without booting a VM.
 */
final class LocalGuest implements GuestAccess {
    final Path home;

    LocalGuest(Path home) {
        this.home = home;
    }

    static VmRecord vm() {
        return new VmRecord("local", "running", new VmSpec("img", "k", 1, 512, 1L << 30, "user", false),
                new VmRuntime("id", "qemu", 1L, null, null, null, 2222, null, null, List.of(), null, null, null, null),
                Instant.now(), Instant.now(), null);
    }

    @Override
    public int pipe(String vm, String host, int port, List<String> argv, Path stdin, OutputStream stdout, StringBuilder stderr,
                    BooleanSupplier cancelled, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().put("BANGER_WORKSPACE_HOME", home.toString());
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("HOME", home.toString());
            pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
            Process p = pb.start();
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete(e.toString());
                }
            });
            t.start();
            p.getInputStream().transferTo(stdout);
            int code = p.waitFor();
            t.join();
            stderr.append(err.join());
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String publicKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void trust(String vm, String host, int port, String hostKeyLine) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forget(String vm) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void awaitSsh(String vm, String host, int port, Duration timeout, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int exec(String vm, String host, int port, List<String> argv, BiConsumer<String, String> output, BooleanSupplier cancelled,
                    Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SshInfo info(String vm, String host, int port) {
        throw new UnsupportedOperationException();
    }
}
