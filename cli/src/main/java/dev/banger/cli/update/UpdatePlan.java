package dev.banger.cli.update;

import dev.banger.cli.system.InstallPaths;
import java.io.PrintStream;

/** `banger update --dry-run`: every step the update would take, in order, with the real paths. */
final class UpdatePlan {
    private UpdatePlan() {
    }

    static void print(InstallPaths paths, String serviceMode, String from, String to, PrintStream out) {
        out.println("plan (dry run, nothing changed):");
        out.println("  1. move " + paths.tree() + " (" + from + ") to " + paths.previousTree());
        out.println("  2. move the verified release (" + to + ") to " + paths.tree());
        out.println("  3. restart bangerd-root and bangerd (" + serviceMode + "); running VMs keep running");
        out.println("  4. run `banger --system doctor`; on any FAIL move " + paths.previousTree() + " back and restart again");
        out.println("  5. record version " + to + " in " + paths.installToml());
    }
}
