package dev.banger.plugins.vm.workspace;

import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import dev.banger.plugins.vm.api.WorkspacePrepareResult;
import dev.banger.plugins.vm.lifecycle.GuestAccess;
import dev.banger.plugins.vm.lifecycle.RunningVm;
import dev.banger.plugins.vm.lifecycle.VmLifecycle;
import dev.banger.plugins.vm.lifecycle.VmLocks;
import dev.banger.plugins.vm.lifecycle.VmRuntimeServices;
import dev.banger.plugins.vm.store.VmRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * vm.workspace.prepare: check the VM (running) and the source (a git work tree), plan, then install under the
 * VM's lock so a stop or delete waits for it. A dry run plans only: it needs no VM and creates nothing.
 * Bundles and archives are written to a scratch directory under the plugin's cache dir and always removed.
 */
public final class WorkspacePrepare {
    private final VmRuntimeServices s;
    private final Path scratchRoot;

    public WorkspacePrepare(VmRuntimeServices services, Path scratchRoot) {
        this.s = services;
        this.scratchRoot = scratchRoot;
    }

    public WorkspacePrepareResult prepare(VmWorkspacePrepareParams p, BooleanSupplier cancelled, Logger log) throws Exception {
        long started = System.nanoTime();
        if (p.dry()) {
            return result(p.vm(), WorkspacePlanner.plan(p), true, 0, 0);
        }
        // the VM is checked before git runs, so a typo in the name is the error the user sees first
        RunningVm.require(new VmLifecycle(s).find(p.vm()));
        WorkspacePlan plan = WorkspacePlanner.plan(p);
        VmLocks locks = s.locks();
        return locks.with(p.vm(), () -> {
            VmRecord vm = RunningVm.require(new VmLifecycle(s).find(p.vm()));
            GuestAccess guest = s.guest();
            Path scratch = Files.createDirectories(scratchRoot).resolve("prepare-" + System.nanoTime());
            Files.createDirectories(scratch);
            try {
                WorkspaceInstaller.Copied copied = new WorkspaceInstaller(new GuestShell(guest, vm, cancelled), log).install(plan, scratch);
                return result(p.vm(), plan, false, copied.bytes(), (System.nanoTime() - started) / 1_000_000);
            } finally {
                deleteTree(scratch);
            }
        });
    }

    private static WorkspacePrepareResult result(String vm, WorkspacePlan plan, boolean dry, long bytes, long ms) {
        return new WorkspacePrepareResult(vm, plan.mode(), dry, plan.repo().topLevel().toString(), plan.base(), plan.guestBranch(),
                WorkspacePlan.GUEST_PATH, plan.files().size(), plan.files(), bytes, ms, plan.note());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
