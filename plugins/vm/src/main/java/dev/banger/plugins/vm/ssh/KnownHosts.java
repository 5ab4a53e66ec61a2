package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.files.AtomicWrite;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * banger's own known_hosts file (OpenSSH format; the user's {@code ~/.ssh/known_hosts} is never touched).
 * Keys are pinned per VM: each line carries the VM's name, so deleting a VM removes exactly its lines, and a
 * VM that comes back on another port keeps its pinned key instead of being trusted anew.
 *
 * <p>An address (host:port) belongs to one VM at a time: recording a key for a VM drops other VMs' lines for
 * the same address, which can only be leftovers of a VM that gave the port up.
 */
public final class KnownHosts {
    private final Path file;

    public KnownHosts(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** {@link #add(String, SshTarget, String)} for a host and port. */
    public void add(String vmName, String host, int port, String publicKeyLine) {
        add(vmName, SshTarget.root(host, port), publicKeyLine);
    }

    /** {@link #trustOnFirstUse(String, SshTarget)} for a host and port. */
    public void trustOnFirstUse(String vmName, String host, int port) {
        trustOnFirstUse(vmName, SshTarget.root(host, port));
    }

    /** Pins a host key banger generated itself for the guest; no scan, no trust on first use. */
    public void add(String vmName, SshTarget target, String publicKeyLine) {
        KnownHostsLine pinned = KnownHostsLine.of(vmName, target, publicKeyLine);
        update(lines -> withPinned(lines, List.of(pinned)));
    }

    /**
     * Makes sure the VM has a key recorded for this address. If the VM already has a pinned key (at any
     * address) that key is used; only a VM never seen before has its key fetched with ssh-keyscan and trusted.
     */
    public void trustOnFirstUse(String vmName, SshTarget target) {
        KnownHostsLine.requireVmName(vmName);
        String address = target.knownHostsAddress();
        List<KnownHostsLine> known = entries(vmName);
        if (known.stream().anyMatch(l -> l.address().equals(address))) {
            return;
        }
        List<KnownHostsLine> pinned = known.isEmpty()
                ? List.of(KnownHostsLine.of(vmName, target, HostKeyScanner.scanEd25519(target)))
                : known.stream().map(l -> l.at(address)).distinct().toList();
        update(lines -> {
            // re-check under the lock: another caller may have trusted this VM while we were scanning
            List<KnownHostsLine> now = banger(lines).stream()
                    .filter(l -> l.vmName().equals(vmName) && l.address().equals(address)).toList();
            return now.isEmpty() ? withPinned(lines, pinned) : lines;
        });
    }

    /** Deletes every line of this VM; returns how many there were. */
    public int remove(String vmName) {
        KnownHostsLine.requireVmName(vmName);
        int[] removed = {0};
        update(lines -> {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (KnownHostsLine.parse(line).filter(l -> l.vmName().equals(vmName)).isPresent()) {
                    removed[0]++;
                } else {
                    kept.add(line);
                }
            }
            return kept;
        });
        return removed[0];
    }

    /** Every line of banger's, in file order. */
    public List<KnownHostsLine> all() {
        return banger(read());
    }

    /** This VM's lines as they are on disk now. */
    public List<KnownHostsLine> entries(String vmName) {
        return banger(read()).stream().filter(l -> l.vmName().equals(vmName)).toList();
    }

    /** The error for ssh's "REMOTE HOST IDENTIFICATION HAS CHANGED". */
    public RpcException hostKeyChanged(String vmName) {
        return new RpcException(ErrorCode.CONFLICT, "the host key of VM " + vmName + " changed since banger first"
                + " saw it; if you recreated the VM, run `banger vm delete " + vmName + "` and create it again,"
                + " otherwise something else answers on its address; known_hosts: " + file);
    }

    private static List<String> withPinned(List<String> lines, List<KnownHostsLine> pinned) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Optional<KnownHostsLine> l = KnownHostsLine.parse(line);
            boolean sameAddress = l.isPresent() && pinned.stream().anyMatch(p -> p.address().equals(l.get().address()));
            if (!sameAddress) {
                out.add(line);
            }
        }
        pinned.forEach(p -> out.add(p.format()));
        return out;
    }

    private static List<KnownHostsLine> banger(List<String> lines) {
        return lines.stream().flatMap(l -> KnownHostsLine.parse(l).stream()).toList();
    }

    private void update(UnaryOperator<List<String>> change) {
        FileMutex.with(Path.of(file + ".lock"), () -> {
            List<String> before = read();
            List<String> after = change.apply(before);
            if (!after.equals(before)) {
                writeAtomically(after);
            }
            return null;
        });
    }

    private List<String> read() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Temp file + rename, so ssh never reads a half-written file. */
    private void writeAtomically(List<String> lines) {
        try {
            AtomicWrite.replace(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
