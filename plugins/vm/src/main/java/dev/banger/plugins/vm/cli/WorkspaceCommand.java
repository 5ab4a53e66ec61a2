package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmWorkspaceExportParams;
import dev.banger.plugins.vm.api.WorkspaceExportResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "workspace", description = "Copy a git repository into a VM's /root/repo, and bring the changes back as a patch.",
        footer = {"", "Examples:", "  banger vm workspace prepare dev . --dry-run          # what would be copied",
                "  banger vm workspace prepare dev ~/src/app --include-untracked",
                "  banger vm workspace prepare dev . --branch try-it --from main",
                "  banger vm exec dev --cwd /root/repo -- make test",
                "  banger vm workspace export dev | git apply         # on the host, at the base commit",
                "", "See docs/workspaces.md."})
final class WorkspaceCommand {
    private final CliEnvironment env;

    WorkspaceCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "prepare", description = "Copy the git work tree at PATH into the running VM's /root/repo: history up to HEAD,"
            + " the checked-out branch, uncommitted changes to tracked files (ignored files never).")
    int prepare(@Parameters(index = "0", paramLabel = "VM") String vm,
                @Parameters(index = "1", paramLabel = "PATH") String path,
                @Mixin WorkspaceOptions options,
                @Option(names = "--json", description = "Print the result as JSON.") boolean json) {
        var ws = WorkspaceStep.prepare(env, vm, path, options.toOptions());
        if (json) {
            env.printJson(ws.result());
        } else if (options.dryRun) {
            WorkspaceReport.dryRun(env.out(), ws.result());
        } else {
            WorkspaceReport.prepared(env.out(), ws.result());
        }
        return 0;
    }

    @Command(name = "export", description = "Print the guest's changes since the base commit (its commits, edits and new files) as a"
            + " patch that `git apply` takes on the host at that commit.")
    int export(@Parameters(index = "0", paramLabel = "VM") String vm,
               @Option(names = "--base", paramLabel = "COMMIT", description = "Diff against this commit (default: the one prepare used).") String base,
               @Option(names = "--output", paramLabel = "FILE", description = "Write the patch to FILE instead of stdout.") Path output,
               @Option(names = "--json", description = "Print the result (patch included) as JSON.") boolean json) {
        WorkspaceExportResult r = env.call("vm.workspace.export", new VmWorkspaceExportParams(vm, base), WorkspaceExportResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        if (output == null) {
            env.out().print(r.patch());
            env.out().flush();
            return 0;
        }
        try {
            Files.writeString(output, r.patch(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
        env.out().printf("%d changed file(s) since %s written to %s; apply with `git apply %s`%n", r.changedFiles().size(),
                r.baseCommit(), output, output);
        return 0;
    }
}
