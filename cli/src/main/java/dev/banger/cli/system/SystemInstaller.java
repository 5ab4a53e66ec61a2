package dev.banger.cli.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * `banger system install`: tree, links, install.toml, helper.toml, units, directories; then systemd
 * (where it is PID 1) or a pointer to `banger system start`. Every step compares before it writes,
 * so running it twice changes nothing the second time.
 */
public final class SystemInstaller {
    private final InstallPaths paths;
    private final PrintStream out;

    public SystemInstaller(InstallPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    public void install(Path source, OwnerAccount owner) throws IOException, InterruptedException {
        placeTree(source);
        BinLinks.link(paths);
        String version = ReleaseInfo.of(paths.tree()).version();
        Optional<InstallRecord> old = InstallRecord.read(paths.installToml());
        Instant installedAt = old.filter(r -> r.uid() == owner.uid() && r.version().equals(version))
                .map(InstallRecord::installedAt).orElse(Instant.now());
        InstallRecord record = new InstallRecord(owner.name(), owner.uid(), owner.gid(), version, installedAt,
                old.map(InstallRecord::updatedAt).orElse(null));
        if (old.isEmpty() || !old.get().equals(record)) {
            record.write(paths.installToml());
        }
        writeHelperConfig(owner);
        List<Path> changed = UnitFiles.write(paths, owner);
        for (Path dir : List.of(paths.stateDir(), paths.cacheDir(), paths.logDir())) {
            ServiceAccounts.ownedDirectory(dir, record);
        }
        out.println("installed banger " + version + " for " + owner.name() + " (uid " + owner.uid() + ") in " + paths.tree());
        out.println("units: " + paths.unitDir().resolve("bangerd.service") + ", " + paths.unitDir().resolve("bangerd-root.service")
                + (changed.isEmpty() ? " (unchanged)" : ""));
        if (Systemd.manages(paths)) {
            Systemd.run("daemon-reload");
            Systemd.run("enable", Service.HELPER.unit(), Service.DAEMON.unit());
            Systemd.run("restart", Service.HELPER.unit(), Service.DAEMON.unit());
            if (!SocketProbe.awaitAnswer(paths.daemonSocket(), "daemon.ping", BackgroundServices.READY_TIMEOUT_MS, () -> true)) {
                throw new IllegalStateException("bangerd did not answer on " + paths.daemonSocket() + "; see `journalctl -u bangerd`");
            }
            out.println("bangerd and bangerd-root enabled and running; bangerd answers on " + paths.daemonSocket());
        } else {
            out.println(Systemd.whyNot(paths) + ": the units were written but not enabled.");
            out.println("Start both services in the background with: banger system start" + rootFlag());
        }
    }

    private String rootFlag() {
        return paths.realRoot() ? "" : " --root " + paths.root();
    }

    /** Copies the tree beside the live one and swaps it in; a tree we are running from is left alone. */
    private void placeTree(Path source) throws IOException {
        if (!Files.isExecutable(source.resolve("bin/bangerd"))) {
            throw new IllegalArgumentException(source + " is not a banger tree (no bin/bangerd)");
        }
        if (Files.exists(paths.tree()) && Files.isSameFile(source, paths.tree())) {
            return;
        }
        TreeCopy.delete(paths.staging());
        TreeCopy.copy(source, paths.staging());
        Path aside = paths.root().resolve("opt/.banger.replaced");
        TreeCopy.delete(aside);
        if (Files.exists(paths.tree())) {
            Files.move(paths.tree(), aside);
        }
        Files.move(paths.staging(), paths.tree());
        TreeCopy.delete(aside);
    }

    private void writeHelperConfig(OwnerAccount owner) throws IOException {
        String text = "# bangerd-root's settings (docs/privileges.md); written by `banger system install`\n"
                + "owner_uid = " + owner.uid() + "\n"
                + "owner_gid = " + owner.gid() + "\n"
                + (paths.realRoot() ? "" : "socket = \"" + paths.helperSocket() + "\"\n");
        if (!AtomicFiles.same(paths.helperToml(), text)) {
            AtomicFiles.write(paths.helperToml(), text);
        }
    }
}
