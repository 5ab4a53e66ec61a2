package dev.banger.cli.update;

import dev.banger.cli.system.InstallPaths;
import dev.banger.cli.system.InstallRecord;
import dev.banger.cli.system.RootOption;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `banger update --from RELEASE.tar.gz`: replaces a system install's tree, with preflight and automatic rollback. */
@Command(name = "update", description = "Update the system install from a release tarball (preflight, swap, restart, doctor, rollback on failure).",
        footer = {"", "A release is what scripts/make-release writes: the dist tree plus RELEASE and SHA256SUMS (docs/update.md).",
                "", "Examples:", "  sudo banger update --from banger-0.2.0.tar.gz --check     # preflight only",
                "  sudo banger update --from banger-0.2.0.tar.gz --dry-run   # preflight, then print the plan",
                "  sudo banger update --from banger-0.2.0.tar.gz", "",
                "Exit 0 updated (or preflight passed), 1 refused or rolled back, 3 nothing installed."})
public final class UpdateCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    RootOption root;

    @Option(names = "--from", required = true, paramLabel = "RELEASE.tar.gz", description = "The release tarball.")
    Path from;

    @Option(names = "--check", description = "Run the preflight only; change nothing.")
    boolean check;

    @Option(names = "--dry-run", description = "Run the preflight and print every step the update would take; change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Update even while operations are running (the restart cancels them).")
    boolean force;

    public UpdateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        InstallPaths paths = root.paths();
        Integer refused = RootOption.refuseUnlessAllowed(paths, env, "update");
        if (refused != null) {
            return refused;
        }
        Optional<InstallRecord> record = InstallRecord.read(paths.installToml());
        if (record.isEmpty()) {
            env.err().println("banger: nothing installed under " + paths.root() + " (no " + paths.installToml() + "); `banger system install` first");
            return 3;
        }
        return new Updater(paths, env.out()).run(new UpdateOptions(from.toAbsolutePath(), check, dryRun, force), record.get());
    }
}
