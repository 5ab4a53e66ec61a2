package dev.banger.plugins.vm.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guest scripts end to end on this host (no VM): prepare builds repo/ from the bundle and the overlay, a change
 * made there comes back through export, and the patch applies on the host at the base commit. WorkspaceIT does the
 * same through a real VM.
 */
class WorkspaceRoundTripTest {
    private static final org.slf4j.Logger LOG = org.slf4j.helpers.NOPLogger.NOP_LOGGER;

    @TempDir
    Path tmp;

    private WorkspacePlan plan(TempRepo r, String mode, boolean untracked, String branch) {
        return WorkspacePlanner.plan(new VmWorkspacePrepareParams("local", r.dir.toString(), mode, untracked, branch, null, false));
    }

    private GuestShell shell(LocalGuest guest) {
        return new GuestShell(guest, LocalGuest.vm(), () -> false);
    }

    private void sh(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void prepareThenEditCommitAndExportAppliesOnTheHost() throws Exception {
        TempRepo host = TempRepo.standard(tmp.resolve("host"));
        Files.write(host.dir.resolve("blob.bin"), new byte[] {0, 1, 2, (byte) 0xff, 10});
        host.git("add", "blob.bin");
        LocalGuest guest = new LocalGuest(Files.createDirectories(tmp.resolve("guest")));
        WorkspacePlan plan = plan(host, null, false, null);
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        long bytes = new WorkspaceInstaller(shell(guest), LOG).install(plan, scratch).bytes();
        assertThat(bytes).isPositive();

        Path repo = guest.home.resolve("repo");
        assertThat(Files.readString(repo.resolve("README"))).isEqualTo("v3 uncommitted\n");
        assertThat(repo.resolve("new.txt")).exists();
        assertThat(repo.resolve("gone.txt")).doesNotExist();
        assertThat(repo.resolve("notes.txt")).doesNotExist();
        assertThat(repo.resolve("build")).doesNotExist();
        assertThat(Files.readAllBytes(repo.resolve("blob.bin"))).containsExactly(0, 1, 2, 0xff, 10);
        assertThat(TempRepo.run(repo, null, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(TempRepo.run(repo, null, "rev-parse", "HEAD")).isEqualTo(plan.base());
        assertThat(TempRepo.run(repo, null, "config", "user.email")).isEqualTo("ada@example.test");
        assertThat(TempRepo.run(repo, null, "log", "--format=%s")).isEqualTo("second\nfirst");

        // in the "guest": commit part of the work, leave an edit uncommitted, add a new file
        sh(repo, "git add -A && git commit -q -m 'guest commit' && echo guest-edit >> src/app.txt && printf 'x\\0y' > made-in-guest.bin");
        GuestShell.Outcome o = shell(guest).run(GuestScripts.EXPORT, List.of(""), null);
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        WorkspaceExport.Framed f = WorkspaceExport.Framed.parse(o.stdout(), "local");
        assertThat(f.base()).isEqualTo(plan.base());
        assertThat(f.names()).containsExactly("README", "blob.bin", "gone.txt", "made-in-guest.bin", "new.txt", "src/app.txt");

        // on the host, at the base commit, in a clean clone
        Path patch = tmp.resolve("ws.patch");
        Files.write(patch, f.patch());
        Path check = tmp.resolve("check");
        TempRepo.run(tmp, null, "clone", "-q", host.dir.toString(), check.toString());
        TempRepo.run(check, null, "checkout", "-q", plan.base());
        TempRepo.run(check, null, "apply", "--check", patch.toString());
        TempRepo.run(check, null, "apply", patch.toString());
        assertThat(Files.readString(check.resolve("src/app.txt"))).isEqualTo("app\nguest-edit\n");
        assertThat(Files.readString(check.resolve("README"))).isEqualTo("v3 uncommitted\n");
        assertThat(Files.readAllBytes(check.resolve("made-in-guest.bin"))).containsExactly('x', 0, 'y');
        assertThat(check.resolve("gone.txt")).doesNotExist();
    }

    @Test
    void untrackedFilesOnRequestAndANewBranch() throws Exception {
        TempRepo host = TempRepo.standard(tmp.resolve("host"));
        LocalGuest guest = new LocalGuest(Files.createDirectories(tmp.resolve("guest")));
        WorkspacePlan plan = plan(host, null, true, "guest-only");
        new WorkspaceInstaller(shell(guest), LOG).install(plan, Files.createDirectories(tmp.resolve("scratch")));
        Path repo = guest.home.resolve("repo");
        assertThat(Files.readString(repo.resolve("notes.txt"))).isEqualTo("untracked\n");
        assertThat(repo.resolve("build/out.log")).doesNotExist();
        assertThat(TempRepo.run(repo, null, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("guest-only");
        assertThat(host.git("branch", "--list", "guest-only")).isEmpty();
    }

    @Test
    void aSecondPrepareIsRefusedAndLeavesTheFirstAlone() throws Exception {
        TempRepo host = TempRepo.standard(tmp.resolve("host"));
        LocalGuest guest = new LocalGuest(Files.createDirectories(tmp.resolve("guest")));
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        new WorkspaceInstaller(shell(guest), LOG).install(plan(host, null, false, null), scratch);
        assertThatThrownBy(() -> new WorkspaceInstaller(shell(guest), LOG).install(plan(host, null, false, null), scratch))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(guest.home.resolve("repo/README")).exists();
    }

    @Test
    void fullCopyCarriesTheGitDirectory() throws Exception {
        TempRepo host = TempRepo.standard(tmp.resolve("host"));
        LocalGuest guest = new LocalGuest(Files.createDirectories(tmp.resolve("guest")));
        WorkspacePlan plan = plan(host, VmWorkspacePrepareParams.FULL_COPY, false, null);
        new WorkspaceInstaller(shell(guest), LOG).install(plan, Files.createDirectories(tmp.resolve("scratch")));
        Path repo = guest.home.resolve("repo");
        assertThat(Files.readString(repo.resolve("README"))).isEqualTo("v3 uncommitted\n");
        assertThat(repo.resolve("notes.txt")).doesNotExist();
        assertThat(TempRepo.run(repo, null, "status", "--porcelain")).contains("M README", "A  new.txt", " D gone.txt");
    }
}
