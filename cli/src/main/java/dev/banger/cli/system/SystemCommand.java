package dev.banger.cli.system;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.ExitCodes;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `banger system ...`: the system-wide install (/opt/banger, systemd units) and its two services. */
@Command(name = "system", description = "Install banger system-wide and run its services (bangerd, bangerd-root).",
        footer = {"", "Examples:", "  sudo banger system install --owner $USER",
                "  sudo banger system start          # where systemd is not PID 1", "  banger system status",
                "  sudo banger system uninstall --purge", "  banger system install --owner $USER --root /tmp/try   # a trial install under a directory"})
public final class SystemCommand {
    private final CliEnvironment env;

    public SystemCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "install", description = "Install this tree under /opt/banger with links, install.toml and systemd units; enable and start them where systemd runs.")
    int install(@Mixin RootOption root,
                @Option(names = "--owner", required = true, paramLabel = "USER", description = "The user bangerd runs as (and whose uid the helper serves).") String owner,
                @Option(names = "--from", paramLabel = "DIR", description = "The tree to install (default: the one this banger runs from).") Path from)
            throws Exception {
        InstallPaths paths = root.paths();
        Integer refused = RootOption.refuseUnlessAllowed(paths, env, "system install");
        if (refused != null) {
            return refused;
        }
        Path source = from != null ? from : ReleaseInfo.currentTree();
        if (source == null) {
            env.err().println("banger: cannot tell which tree to install (banger.home unset); pass --from DIR");
            return ExitCodes.USAGE;
        }
        try {
            new SystemInstaller(paths, env.out()).install(source.toAbsolutePath().normalize(), OwnerAccount.lookup(owner));
        } catch (IllegalStateException e) {
            env.err().println("banger: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    @Command(name = "uninstall", description = "Stop the services and remove units, links and the tree; --purge also state, cache, logs and banger's network objects.")
    int uninstall(@Mixin RootOption root,
                  @Option(names = "--purge", description = "Also delete state (images, VMs), cache, logs, /etc/banger and banger's bridges, taps and NAT rules.") boolean purge)
            throws Exception {
        InstallPaths paths = root.paths();
        Integer refused = RootOption.refuseUnlessAllowed(paths, env, "system uninstall");
        if (refused != null) {
            return refused;
        }
        return new SystemUninstaller(paths, env.out()).uninstall(purge) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Command(name = "start", description = "Start bangerd-root and bangerd in the background from the installed tree (where systemd is not PID 1).")
    int start(@Mixin RootOption root) throws Exception {
        InstallPaths paths = root.paths();
        Optional<InstallRecord> record = InstallRecord.read(paths.installToml());
        if (record.isEmpty()) {
            env.err().println("banger: nothing installed under " + paths.root() + " (no " + paths.installToml() + "); run `banger system install` first");
            return 3;
        }
        if (Systemd.manages(paths)) {
            Systemd.run("start", Service.HELPER.unit(), Service.DAEMON.unit());
            env.out().println("started " + Service.HELPER.unit() + " and " + Service.DAEMON.unit() + " (systemd)");
            return ExitCodes.OK;
        }
        return new BackgroundServices(paths, env.out()).start(record.get()) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Command(name = "stop", description = "Stop bangerd and bangerd-root (by their pid files, or through systemd). Running VMs keep running.")
    int stop(@Mixin RootOption root) throws Exception {
        InstallPaths paths = root.paths();
        if (Systemd.manages(paths)) {
            Systemd.run("stop", Service.DAEMON.unit(), Service.HELPER.unit());
            env.out().println("stopped " + Service.DAEMON.unit() + " and " + Service.HELPER.unit() + " (systemd)");
            return ExitCodes.OK;
        }
        return new BackgroundServices(paths, env.out()).stop() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @Command(name = "status", description = "Show the install (version, owner), both services and both sockets. Exit 3 when not installed.")
    int status(@Mixin RootOption root, @Option(names = "--json", description = "Print JSON.") boolean json) throws Exception {
        Map<String, Object> s = SystemStatus.collect(root.paths());
        if (json) {
            env.printJson(s);
        } else {
            int width = s.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
            s.forEach((k, v) -> env.out().printf("%-" + width + "s %s%n", k + ":", v));
        }
        return Boolean.TRUE.equals(s.get("installed")) ? ExitCodes.OK : 3;
    }
}
