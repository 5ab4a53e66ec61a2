package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.process.HostCommand;
import dev.banger.plugins.vm.api.WorkspaceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar of the selected files as they are in the work tree (contents, modes, symlinks), made by the host's tar
 * from a NUL-separated list so odd names survive. {@code --no-recursion}: a listed path never pulls in files
 * that were not selected (ignored ones); only full_copy's {@code .git} is taken whole. {@code --blocking-factor=1}:
 * no padding to tar's default 10 KiB records, so a three-file overlay is a few KiB on the wire.
 */
final class OverlayArchive {
    private OverlayArchive() {
    }

    /** The files to extract: everything selected that still exists (deleted ones are removed in the guest instead). */
    static List<String> present(List<WorkspaceFile> files) {
        return files.stream().filter(f -> !f.status().equals("deleted")).map(WorkspaceFile::path).toList();
    }

    /** Paths the guest removes before extracting: deletions, and type changes (a symlink that became a file). */
    static List<String> toRemove(List<WorkspaceFile> files) {
        return files.stream().filter(f -> f.status().equals("deleted") || f.status().equals("type_changed")).map(WorkspaceFile::path).toList();
    }

    static void write(Path top, List<String> paths, boolean withGitDir, Path tar, Path scratch) {
        try {
            Path list = scratch.resolve("files.list");
            StringBuilder nul = new StringBuilder();
            paths.forEach(p -> nul.append(p).append('\0'));
            Files.writeString(list, nul, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of("tar", "-c", "--blocking-factor=1", "-f", tar.toString(), "-C", top.toString()));
            if (withGitDir) {
                argv.addAll(List.of("--recursion", ".git"));
            }
            argv.addAll(List.of("--no-recursion", "--null", "--verbatim-files-from", "-T", list.toString()));
            HostCommand.of(argv).purpose("archive the work tree's files").timeout(Duration.ofMinutes(30)).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file list for tar", e);
        }
    }
}
