package dev.banger.plugins.vm.api;

import dev.banger.kernel.api.wire.RpcException;
import java.util.regex.Pattern;

/** vm.workspace.export: {@code base_commit} defaults to the one vm.workspace.prepare recorded in the guest. */
public record VmWorkspaceExportParams(String vm, String baseCommit) {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    public VmWorkspaceExportParams {
        if (vm == null || !VmCreateParams.NAME.matcher(vm).matches()) {
            throw RpcException.badRequest("params.vm: '" + vm + "' is not a valid VM name");
        }
        if (baseCommit != null && !COMMIT.matcher(baseCommit).matches()) {
            throw RpcException.badRequest("params.base_commit: '" + baseCommit + "' is not a commit id (7 to 64 hex digits)");
        }
    }
}
