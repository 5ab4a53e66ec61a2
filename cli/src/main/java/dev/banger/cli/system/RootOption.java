package dev.banger.cli.system;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.ExitCodes;
import dev.banger.kernel.api.wire.ErrorCode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** `--root DIR`, shared by every system and update command: install and run everything under DIR. */
public final class RootOption {
    @Option(names = "--root", paramLabel = "DIR",
            description = "Install under DIR instead of / (DIR/opt/banger, DIR/etc/banger, DIR/var/lib/banger, ...); also BANGER_ROOT. Never enables systemd units.")
    Path root;

    public InstallPaths paths() {
        return InstallPaths.of(root, System.getenv());
    }

    /** Writing to the real /opt, /etc and /usr/local needs root; under --root it does not. Null when allowed. */
    public static Integer refuseUnlessAllowed(InstallPaths paths, CliEnvironment env, String what) {
        if (paths.realRoot() && !ServiceAccounts.isRoot()) {
            env.err().println("banger: " + what + " changes /opt/banger, /etc/banger, /usr/local/bin and systemd units, so it must run as root: "
                    + "sudo banger " + what + " ... (or --root DIR to work under a directory)");
            return ExitCodes.of(ErrorCode.UNAUTHORIZED);
        }
        return null;
    }
}
