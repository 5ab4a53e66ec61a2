package dev.banger.plugins.vm.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source checks and plans on real repositories: each refusal has its code and names the field; nothing is written. */
class WorkspacePlannerTest {
    @TempDir
    Path tmp;

    private static VmWorkspacePrepareParams dry(Path source, String mode, String branch, String from) {
        return new VmWorkspacePrepareParams(null, source.toString(), mode, null, branch, from, true);
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String... words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(words);
        });
    }

    @Test
    void aSubdirectoryPlansTheWholeWorkTreeAtHead() throws Exception {
        TempRepo r = TempRepo.standard(tmp.resolve("repo"));
        WorkspacePlan plan = WorkspacePlanner.plan(dry(r.dir.resolve("src"), null, null, null));
        assertThat(plan.repo().topLevel()).isEqualTo(r.dir.toRealPath());
        assertThat(plan.base()).isEqualTo(r.git("rev-parse", "HEAD"));
        assertThat(plan.guestBranch()).isEqualTo("main");
        assertThat(plan.newBranch()).isFalse();
        assertThat(plan.bundleRefs()).containsExactly("HEAD", "refs/heads/main");
        assertThat(plan.repo().userName()).contains("Ada Host");
        assertThat(plan.files()).hasSize(3);
    }

    @Test
    void aBranchFromAnotherRefStartsThereWithoutTheUncommittedFiles() throws Exception {
        TempRepo r = TempRepo.standard(tmp.resolve("repo"));
        String first = r.git("rev-parse", "HEAD~1");
        r.git("tag", "v1", first);
        WorkspacePlan fromTag = WorkspacePlanner.plan(dry(r.dir, null, "try", "v1"));
        assertThat(fromTag.base()).isEqualTo(first);
        assertThat(fromTag.bundleRefs()).containsExactly("HEAD", "refs/heads/main", "refs/tags/v1");
        assertThat(fromTag.files()).isEmpty();
        assertThat(fromTag.note()).contains("not copied");
        WorkspacePlan fromHead = WorkspacePlanner.plan(dry(r.dir, null, "try", "HEAD"));
        assertThat(fromHead.files()).hasSize(3);
        assertThat(fromHead.guestBranch()).isEqualTo("try");
        assertThat(fromHead.newBranch()).isTrue();
        refused(() -> WorkspacePlanner.plan(dry(r.dir, null, "try", "no-such-ref")), ErrorCode.BAD_REQUEST, "params.from", "no-such-ref");
    }

    @Test
    void aDetachedHeadIsCopiedDetached() throws Exception {
        TempRepo r = TempRepo.standard(tmp.resolve("repo"));
        r.git("stash", "-q", "-u");
        r.git("checkout", "-q", "--detach", "HEAD~1");
        WorkspacePlan plan = WorkspacePlanner.plan(dry(r.dir, null, null, null));
        assertThat(plan.guestBranch()).isNull();
        assertThat(plan.bundleRefs()).containsExactly("HEAD");
    }

    @Test
    void notGitBareEmptyAndMissingAreRefusedByName() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        refused(() -> WorkspacePlanner.plan(dry(plain, null, null, null)), ErrorCode.BAD_REQUEST, "params.source_path", "not inside a git repository");
        Path bare = tmp.resolve("bare.git");
        TempRepo.run(tmp, null, "init", "-q", "--bare", bare.toString());
        refused(() -> WorkspacePlanner.plan(dry(bare, null, null, null)), ErrorCode.BAD_REQUEST, "params.source_path", "bare repository");
        TempRepo empty = TempRepo.init(tmp.resolve("empty"));
        refused(() -> WorkspacePlanner.plan(dry(empty.dir, null, null, null)), ErrorCode.BAD_REQUEST, "params.source_path", "no commits");
        refused(() -> WorkspacePlanner.plan(dry(empty.dir.resolve(".git"), null, null, null)), ErrorCode.BAD_REQUEST, "params.source_path", ".git");
        refused(() -> WorkspacePlanner.plan(dry(tmp.resolve("absent"), null, null, null)), ErrorCode.NOT_FOUND, "params.source_path", "does not exist");
    }

    @Test
    void submodulesNeedFullCopy() throws Exception {
        TempRepo lib = TempRepo.standard(tmp.resolve("lib"));
        lib.git("stash", "-q", "-u");
        TempRepo app = TempRepo.init(tmp.resolve("app"));
        app.write("main.txt", "m\n");
        app.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.dir.toString(), "vendor/lib");
        app.git("add", "main.txt");
        app.git("commit", "-q", "-m", "with a submodule");
        refused(() -> WorkspacePlanner.plan(dry(app.dir, null, null, null)), ErrorCode.BAD_REQUEST, "submodules", "--mode full_copy");
        WorkspacePlan full = WorkspacePlanner.plan(dry(app.dir, VmWorkspacePrepareParams.FULL_COPY, null, null));
        assertThat(full.files()).extracting(f -> f.path()).contains(".gitmodules", "main.txt", "vendor/lib/README");
    }
}
