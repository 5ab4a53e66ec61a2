package dev.banger.plugins.vm.workspace;

import dev.banger.plugins.vm.api.WorkspaceFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Which files the guest gets on top of the history the bundle carries, as git sees them (so .gitignore,
 * .git/info/exclude and core.excludesFile all apply, and ignored files never go):
 *
 * <ul>
 *   <li>mode bundle: tracked files that differ from HEAD ({@code git diff HEAD}: staged and unstaged alike),
 *       plus, with include_untracked, untracked non-ignored files ({@code git ls-files --others --exclude-standard});
 *   <li>mode full_copy: every tracked file, submodules' included, plus the same untracked files.
 * </ul>
 *
 * Untracked directories that are repositories of their own (git lists them with a trailing '/') are left out:
 * copying one would copy its .git too.
 */
final class FileSelection {
    private FileSelection() {
    }

    static List<WorkspaceFile> overlay(SourceRepo repo, boolean includeUntracked) {
        HostGit git = new HostGit(repo.topLevel());
        TreeMap<String, String> files = new TreeMap<>();
        List<String> changes = HostGit.nulSeparated(git.raw("list the uncommitted changes",
                "diff", "HEAD", "--name-status", "-z", "--no-renames", "--no-relative", "--no-ext-diff", "--ignore-submodules=none"));
        for (int i = 0; i + 1 < changes.size(); i += 2) {
            files.put(changes.get(i + 1), status(changes.get(i)));
        }
        if (includeUntracked) {
            untracked(git).forEach(p -> files.put(p, "untracked"));
        }
        return asList(files);
    }

    static List<WorkspaceFile> fullCopy(SourceRepo repo, boolean includeUntracked) {
        HostGit git = new HostGit(repo.topLevel());
        TreeMap<String, String> files = new TreeMap<>();
        for (String p : HostGit.nulSeparated(git.raw("list the tracked files", "ls-files", "-z", "--cached", "--recurse-submodules"))) {
            // a tracked file deleted in the work tree is not there to copy: the guest sees it deleted, as on the host
            if (Files.exists(repo.topLevel().resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                files.put(p, "tracked");
            }
        }
        if (includeUntracked) {
            untracked(git).forEach(p -> files.put(p, "untracked"));
        }
        return asList(files);
    }

    private static List<String> untracked(HostGit git) {
        return HostGit.nulSeparated(git.raw("list the untracked files", "ls-files", "-z", "--others", "--exclude-standard"))
                .stream().filter(p -> !p.endsWith("/")).toList();
    }

    private static String status(String letter) {
        return switch (letter.isEmpty() ? ' ' : letter.charAt(0)) {
            case 'A' -> "added";
            case 'D' -> "deleted";
            case 'T' -> "type_changed";
            default -> "modified";
        };
    }

    private static List<WorkspaceFile> asList(TreeMap<String, String> files) {
        List<WorkspaceFile> out = new ArrayList<>();
        files.forEach((path, status) -> out.add(new WorkspaceFile(path, status)));
        return out;
    }
}
