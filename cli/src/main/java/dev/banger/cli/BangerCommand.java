package dev.banger.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root: global options only. Subcommands come from the CLI itself and from the plugins. */
@Command(name = "banger", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "One-command development sandboxes on microVMs.",
        footer = {"", "Examples:",
                "  banger vm run                 # a shell in a fresh microVM (image and kernel fetched on first use)",
                "  banger vm run --rm -- make    # one command in a throwaway VM, exiting with its exit code",
                "  banger doctor                 # can this host run banger? what to fix",
                "  banger daemon ping            # start the daemon if needed and check it answers",
                "  banger plugin list            # what the daemon has loaded",
                "  banger ops list --json        # async operations, for scripts",
                "", "Exit codes: 0 ok, 1 failed, 2 bad usage or request, 3 not found, 4 already exists,",
                "5 conflict, 6 not running, 7 unauthorized, 8 cancelled, 9 daemon unreachable,",
                "10 protocol version or method mismatch, 11 not supported by this build yet (see docs/cli.md)."})
public final class BangerCommand {
    @Option(names = "--system", scope = ScopeType.INHERIT, description = "Talk to the system daemon (/run/banger/bangerd.sock).")
    boolean system;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "config.toml to use.")
    Path config;

    @Option(names = "--socket", scope = ScopeType.INHERIT, paramLabel = "PATH", description = "Daemon socket to talk to.")
    Path socket;
}
