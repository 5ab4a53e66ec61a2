package dev.banger.plugins.vm.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell scripts run in the guest (as {@code sh -c SCRIPT banger-workspace ARGS...}: values travel as
 * arguments, never spliced into the script). Exit codes 17..21 are the refusals {@link GuestRefusal} turns
 * into RPC errors; they are checked before the script creates anything.
 */
final class GuestScripts {
    static final int REPO_EXISTS = 17;
    static final int NO_GIT = 18;
    static final int NO_WORKSPACE = 19;
    static final int NO_BASE = 20;
    static final int BAD_BASE = 21;

    /** BANGER_WORKSPACE_HOME exists for the unit tests, which run these scripts on the host; sshd never passes it. */
    private static final String PREAMBLE = """
            set -eu
            home=${BANGER_WORKSPACE_HOME:-/root}
            repo=$home/repo
            ws=$home/.banger-workspace
            """;

    private static final String REFUSE_EXISTING = """
            if [ -e "$repo" ]; then echo "$repo already exists" >&2; exit 17; fi
            command -v git >/dev/null 2>&1 || { echo "git is not installed in the guest" >&2; exit 18; }
            """;

    /**
     * args: base, branch ('' = detached), new ('yes'/'no'), user.name, user.email, the bundle's size in bytes,
     * overlay ('yes'/'no'), then the paths to delete before the overlay is extracted. stdin: the bundle, followed
     * (with overlay) by a tar of the files to lay over the checkout. One ssh session instead of two: under TCG each
     * session costs seconds. GNU `head -c` (the default image's) reads no more than it still has to write, so the tar
     * is left on stdin (checked on a pipe here); a short bundle is caught by its size, a mangled one by git.
     */
    static final String CLONE_BUNDLE = PREAMBLE + REFUSE_EXISTING + """
            base=$1 branch=$2 new=$3 name=$4 email=$5 size=$6 overlay=$7
            shift 7
            rm -rf "$ws"; mkdir -p "$ws"
            head -c "$size" > "$ws/repo.bundle"
            [ "$(wc -c < "$ws/repo.bundle")" -eq "$size" ] || { echo "the bundle arrived short" >&2; exit 1; }
            # an unborn branch nobody uses, so fetching into (and checking out) the real one is never "the current branch"
            git init -q -b banger.unborn "$repo"
            cd "$repo"
            git fetch -q --update-head-ok "$ws/repo.bundle" '+refs/*:refs/*' HEAD
            if [ "$new" = yes ]; then git checkout -q -b "$branch" "$base"
            elif [ -n "$branch" ]; then git checkout -q "$branch"
            else git checkout -q --detach "$base"; fi
            [ -z "$name" ] || git config user.name "$name"
            [ -z "$email" ] || git config user.email "$email"
            printf '%s\\n' "$base" > "$ws/base"
            rm -f "$ws/repo.bundle"
            if [ "$overlay" = yes ]; then
              for f in "$@"; do rm -rf -- "$f"; done
              tar -x --no-same-owner -f -
            fi
            """;

    /** args: base, branch to create ('' = none), user.name, user.email; stdin: a tar of .git and the work tree's files. */
    static final String UNPACK_FULL_COPY = PREAMBLE + REFUSE_EXISTING + """
            base=$1 branch=$2 name=$3 email=$4
            rm -rf "$ws"; mkdir -p "$ws" "$repo"
            cd "$repo"
            tar -x --no-same-owner -f -
            [ -z "$branch" ] || git checkout -q -b "$branch"
            [ -z "$name" ] || git config user.name "$name"
            [ -z "$email" ] || git config user.email "$email"
            # the index holds the host's stat data: refresh it so git does not re-read every file later
            git update-index -q --refresh >/dev/null 2>&1 || true
            printf '%s\\n' "$base" > "$ws/base"
            """;

    /** Undoes a half-made workspace after a failure (never run after exit 17: that repo was not ours). */
    static final String REMOVE = PREAMBLE + """
            rm -rf "$repo" "$ws"
            """;

    /**
     * args: base ('' = the one prepare recorded). stdout: the base's full commit id, a newline, the byte length of the NUL-separated changed-file list,
     * a newline, the list, then the patch. A throwaway index ({@code git add -A} into a copy) takes in new files
     * without touching the guest's own index.
     */
    static final String EXPORT = PREAMBLE + """
            [ -d "$repo/.git" ] || { echo "$repo is not a workspace" >&2; exit 19; }
            cd "$repo"
            base=${1:-}
            [ -n "$base" ] || base=$(cat "$ws/base" 2>/dev/null || true)
            [ -n "$base" ] || { echo "no base commit recorded in $ws/base" >&2; exit 20; }
            git rev-parse -q --verify "$base^{commit}" >/dev/null || { echo "$base is not a commit here" >&2; exit 21; }
            t=$(mktemp -d)
            trap 'rm -rf "$t"' EXIT
            cp .git/index "$t/index" 2>/dev/null || true
            export GIT_INDEX_FILE="$t/index"
            git add -A
            git -c core.quotePath=false diff --cached --name-only -z --no-renames "$base" > "$t/names"
            git diff --cached --binary --no-color --no-ext-diff --no-textconv --no-renames --src-prefix=a/ --dst-prefix=b/ "$base" > "$t/patch"
            git rev-parse "$base^{commit}"
            wc -c < "$t/names"
            cat "$t/names" "$t/patch"
            """;

    private GuestScripts() {
    }

    static List<String> argv(String script, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "banger-workspace"));
        argv.addAll(args);
        return argv;
    }
}
