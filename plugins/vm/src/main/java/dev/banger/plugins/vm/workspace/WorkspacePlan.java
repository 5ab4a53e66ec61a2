package dev.banger.plugins.vm.workspace;

import dev.banger.plugins.vm.api.WorkspaceFile;
import java.util.List;

/**
 * Everything decided before the guest is touched: the source, the commit the guest's work tree starts from
 * ({@code base}), the branch it checks out ({@code guestBranch}; null = detached at base), whether that branch is
 * new, the refs the bundle carries, and the files copied on top. A dry run returns this and stops.
 */
record WorkspacePlan(SourceRepo repo, String mode, String base, String guestBranch, boolean newBranch, List<String> bundleRefs,
                     List<WorkspaceFile> files, String note) {
    static final String GUEST_PATH = "/root/repo";

    boolean fullCopy() {
        return mode.equals(dev.banger.plugins.vm.api.VmWorkspacePrepareParams.FULL_COPY);
    }
}
