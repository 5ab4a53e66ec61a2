package dev.banger.plugins.vm.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmExecParams;
import dev.banger.plugins.vm.api.VmWorkspaceExportParams;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad workspace params are refused while decoding, before the daemon touches git or a VM; each message names its field. */
class WorkspaceParamsTest {
    private static void refused(ThrowingCallable call, String... words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).contains(words);
        });
    }

    private static VmWorkspacePrepareParams prepare(String vm, String path, String mode, String branch, String from, Boolean dry) {
        return new VmWorkspacePrepareParams(vm, path, mode, null, branch, from, dry);
    }

    @Test
    void sourcePathMustBeAbsoluteAndResolved() {
        refused(() -> prepare("dev", null, null, null, null, null), "params.source_path", "required");
        refused(() -> prepare("dev", "src/app", null, null, null, null), "params.source_path", "absolute");
        refused(() -> prepare("dev", "/home/u/../../etc", null, null, null, null), "params.source_path", "'..'");
        refused(() -> prepare("dev", "/home/u/./app", null, null, null, null), "params.source_path", "'.'");
        assertThatCode(() -> prepare("dev", "/home/u/app", null, null, null, null)).doesNotThrowAnyException();
    }

    @Test
    void vmIsRequiredUnlessDryRun() {
        refused(() -> prepare(null, "/r", null, null, null, null), "params.vm", "required");
        refused(() -> prepare("Bad_Name", "/r", null, null, null, true), "params.vm");
        assertThatCode(() -> prepare(null, "/r", null, null, null, true)).doesNotThrowAnyException();
    }

    @Test
    void modeBranchAndFrom() {
        refused(() -> prepare("dev", "/r", "rsync", null, null, null), "params.mode", "full_copy");
        for (String bad : List.of("-x", "a..b", "a b", "x.lock", "a/", "@{u}")) {
            refused(() -> prepare("dev", "/r", null, bad, null, null), "params.branch");
        }
        refused(() -> prepare("dev", "/r", null, null, "main", null), "params.from", "params.branch");
        refused(() -> prepare("dev", "/r", null, "try", "--upload-pack=x", null), "params.from");
        refused(() -> prepare("dev", "/r", "full_copy", "try", "main", null), "params.from", "bundle");
        assertThatCode(() -> prepare("dev", "/r", "full_copy", "feature/x-1", null, null)).doesNotThrowAnyException();
    }

    @Test
    void exportAndExecParams() {
        refused(() -> new VmWorkspaceExportParams("dev", "HEAD"), "params.base_commit");
        refused(() -> new VmWorkspaceExportParams(null, null), "params.vm");
        assertThatCode(() -> new VmWorkspaceExportParams("dev", "0123abc")).doesNotThrowAnyException();
        refused(() -> new VmExecParams("dev", List.of("ls"), null, "relative"), "params.cwd");
    }

    /** The wire decodes through the canonical constructor, also now that VmExecParams has a second, shorter one. */
    @Test
    void execParamsDecodeWithAndWithoutCwd() throws Exception {
        var mapper = dev.banger.kernel.api.wire.Json.mapper();
        VmExecParams with = mapper.readValue("{\"name\":\"dev\",\"argv\":[\"ls\"],\"cwd\":\"/root/repo\"}", VmExecParams.class);
        assertThat(with.cwd()).isEqualTo("/root/repo");
        VmExecParams without = mapper.readValue("{\"name\":\"dev\",\"argv\":[\"ls\"],\"timeout_ms\":5}", VmExecParams.class);
        assertThat(without.cwd()).isNull();
        assertThat(without.timeoutMs()).isEqualTo(5L);
    }
}
