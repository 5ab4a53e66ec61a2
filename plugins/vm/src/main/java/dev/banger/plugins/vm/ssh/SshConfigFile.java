package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.files.AtomicWrite;
import dev.banger.plugins.vm.api.SshConfigResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ssh client config banger keeps beside its key ({@code <state>/vm/ssh/config}), so plain {@code ssh NAME.vm}
 * works once {@code banger ssh-config --install} includes it. The per-VM hosts come from banger's known_hosts,
 * which already records each VM's address and is rewritten whenever a VM is created or deleted; rewriting this
 * file at those moments keeps the two in step without asking the VM store.
 */
public final class SshConfigFile {
    private final Path file;
    private final SshIdentity identity;
    private final KnownHosts knownHosts;

    public SshConfigFile(Path file, SshIdentity identity, KnownHosts knownHosts) {
        this.file = file.toAbsolutePath().normalize();
        this.identity = identity;
        this.knownHosts = knownHosts;
    }

    /** Rewrites the file from known_hosts and returns what it now holds. */
    public SshConfigResult refresh() {
        return FileMutex.with(Path.of(file + ".lock"), () -> {
            SshConfigResult r = render();
            write(r.text());
            return r;
        });
    }

    SshConfigResult render() {
        // a VM that changed address has several lines; the last one written is where it is now
        Map<String, SshConfigResult.Host> hosts = new LinkedHashMap<>();
        for (KnownHostsLine l : knownHosts.all()) {
            hosts.remove(l.vmName());
            hosts.put(l.vmName(), new SshConfigResult.Host(l.vmName(), l.host(), l.port()));
        }
        List<SshConfigResult.Host> list = hosts.values().stream().toList();
        return new SshConfigResult(file.toString(), identity.privateKey().toString(), knownHosts.file().toString(), list, text(list));
    }

    private String text(List<SshConfigResult.Host> hosts) {
        StringBuilder b = new StringBuilder("# Written by banger (`banger ssh-config`); rewritten as VMs come and go: do not edit.\n");
        // ssh takes the first value it finds for each option, so the per-VM address comes before the shared *.vm block
        for (SshConfigResult.Host h : hosts) {
            b.append("\nHost ").append(h.name()).append(".vm\n")
                    .append("    HostName ").append(h.host()).append('\n')
                    .append("    Port ").append(h.port()).append('\n');
        }
        b.append("\nHost *.vm\n")
                .append("    User root\n")
                .append("    IdentityFile ").append(quoted(identity.privateKey().toString())).append('\n')
                .append("    IdentitiesOnly yes\n")
                .append("    UserKnownHostsFile ").append(quoted(knownHosts.file().toString())).append('\n')
                // banger pins every guest's host key before its first boot: an unknown key is never right
                .append("    StrictHostKeyChecking yes\n");
        return b.toString();
    }

    private static String quoted(String path) {
        return path.contains(" ") ? "\"" + path + "\"" : path;
    }

    /** Temp file + rename, so ssh never reads a half-written file. */
    private void write(String text) {
        try {
            AtomicWrite.replace(file, text, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
