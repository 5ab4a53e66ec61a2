package dev.banger.plugins.vm.ssh;

import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.net.NetnsEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/** GuestAccess over OpenSSH: one client key per install, banger's own known_hosts, root in the guest. */
public final class SshGuestAccess implements GuestAccess {
    private final SshIdentity identity;
    private final KnownHosts knownHosts;
    private final SshExec exec;
    private final SshConfigFile config;
    private final SshExec execInNetns;
    private final NetnsEntry netns;

    public SshGuestAccess(Path sshDir) {
        this(sshDir, NetnsEntry.none());
    }

    /**
     * @param netns where bridge guests live ({@code [vm] netns}); guests reached on a loopback address are
     *              user-networking forwards, which are always in the daemon's own namespace
     */
    public SshGuestAccess(Path sshDir, NetnsEntry netns) {
        this.identity = SshIdentity.ensure(sshDir);
        this.knownHosts = new KnownHosts(sshDir.resolve("known_hosts"));
        this.exec = new SshExec(new SshArgv(identity, knownHosts), knownHosts);
        this.config = new SshConfigFile(sshDir.resolve("config"), identity, knownHosts);
        this.execInNetns = new SshExec(new SshArgv(identity, knownHosts), knownHosts, netns);
        this.netns = netns;
        // written at start, so the file exists before anyone asks (vm.ssh_config only rewrites it)
        refreshConfig();
    }

    /** The ssh client config for {@code ssh NAME.vm} (vm.ssh_config). */
    public SshConfigFile sshConfig() {
        return config;
    }

    private boolean inNetns(String host) {
        return netns.active() && !host.startsWith("127.") && !host.equals("::1") && !host.equals("localhost");
    }

    @Override
    public String publicKey() {
        return identity.publicKeyLine();
    }

    @Override
    public void trust(String vm, String host, int port, String hostKeyLine) {
        knownHosts.remove(vm);
        knownHosts.add(vm, host, port, hostKeyLine);
        refreshConfig();
    }

    @Override
    public void forget(String vm) {
        knownHosts.remove(vm);
        refreshConfig();
    }

    /** The ssh config follows known_hosts; failing to rewrite it must not fail a create or delete. */
    private void refreshConfig() {
        try {
            config.refresh();
        } catch (UncheckedIOException e) {
            // the next vm.ssh_config (`banger ssh-config`) rewrites it and reports the error
        }
    }

    @Override
    public void awaitSsh(String vm, String host, int port, Duration timeout, BooleanSupplier cancelled) {
        if (inNetns(host)) {
            SshReadiness.awaitBanner(vm, SshTarget.root(host, port), timeout, cancelled, new KeyscanInNetns(netns));
        } else {
            SshReadiness.awaitBanner(vm, SshTarget.root(host, port), timeout, cancelled);
        }
    }

    @Override
    public int exec(String vm, String host, int port, List<String> argv, BiConsumer<String, String> output,
                    BooleanSupplier cancelled, Duration timeout) {
        return (inNetns(host) ? execInNetns : exec).run(vm, SshTarget.root(host, port), argv,
                chunk -> output.accept(chunk.source() == OutputChunk.Source.STDERR ? "stderr" : "stdout",
                        new String(chunk.data(), StandardCharsets.UTF_8)),
                cancelled, timeout);
    }

    @Override
    public int pipe(String vm, String host, int port, List<String> argv, Path stdin, OutputStream stdout, StringBuilder stderr,
                    BooleanSupplier cancelled, Duration timeout) {
        return (inNetns(host) ? execInNetns : exec).run(vm, SshTarget.root(host, port), argv, stdin, chunk -> {
            if (chunk.source() == OutputChunk.Source.STDERR) {
                stderr.append(new String(chunk.data(), StandardCharsets.UTF_8));
            } else {
                try {
                    stdout.write(chunk.data());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep the output of a command in VM " + vm, e);
                }
            }
        }, cancelled, timeout);
    }

    @Override
    public SshInfo info(String vm, String host, int port) {
        return new SshInfo(vm, host, port, "root", identity.privateKey().toString(), knownHosts.file().toString(),
                inNetns(host) ? netns.name() : null);
    }
}
