package dev.banger.cli.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * `banger system uninstall [--purge]`: stops the services, removes units, links, the tree (and the
 * previous one) and banger's /etc files. --purge also removes state, cache, logs and, through a
 * reachable helper, banger's network objects. VMs still running are left alone (their VMMs are not
 * banger's services), but with --purge their disks go with the state directory.
 */
public final class SystemUninstaller {
    private final InstallPaths paths;
    private final PrintStream out;

    public SystemUninstaller(InstallPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    public boolean uninstall(boolean purge) throws IOException, InterruptedException {
        if (purge) {
            NetworkPurge.run(paths.helperSocket(), out); // needs the helper: before stopping it
        }
        boolean stopped = stopServices();
        UnitFiles.remove(paths);
        BinLinks.unlink(paths);
        for (Path p : List.of(paths.tree(), paths.previousTree(), paths.staging(), paths.pidDir())) {
            TreeCopy.delete(p);
        }
        Files.deleteIfExists(paths.installToml());
        Files.deleteIfExists(paths.helperToml());
        out.println("removed the units, links and " + paths.tree());
        if (purge) {
            for (Path p : List.of(paths.stateDir(), paths.cacheDir(), paths.logDir(), paths.etcDir(), paths.daemonRuntime(), paths.helperRuntime())) {
                TreeCopy.delete(p);
            }
            out.println("purged " + paths.stateDir() + ", " + paths.cacheDir() + ", " + paths.logDir() + " and " + paths.etcDir());
        } else {
            deleteIfEmpty(paths.etcDir());
            out.println("kept state " + paths.stateDir() + " and cache " + paths.cacheDir() + " (--purge removes them)");
        }
        return stopped;
    }

    private boolean stopServices() throws InterruptedException {
        if (Systemd.manages(paths)) {
            for (Service s : List.of(Service.DAEMON, Service.HELPER)) {
                if (Files.exists(paths.unitDir().resolve(s.unit()))) {
                    Systemd.run("disable", "--now", s.unit());
                }
            }
            Systemd.run("daemon-reload");
        }
        return new BackgroundServices(paths, out).stop();
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
