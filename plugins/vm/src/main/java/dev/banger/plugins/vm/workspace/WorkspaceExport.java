package dev.banger.plugins.vm.workspace;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmWorkspaceExportParams;
import dev.banger.plugins.vm.api.WorkspaceExportResult;
import dev.banger.plugins.vm.lifecycle.RunningVm;
import dev.banger.plugins.vm.lifecycle.VmLifecycle;
import dev.banger.plugins.vm.lifecycle.VmRuntimeServices;
import dev.banger.plugins.vm.store.VmRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * vm.workspace.export: one ssh session runs {@link GuestScripts#EXPORT}, which diffs the guest's work tree (commits,
 * edits, new files) against the base commit; this class splits its framed output into the file list and the patch.
 */
public final class WorkspaceExport {
    private final VmRuntimeServices s;

    public WorkspaceExport(VmRuntimeServices services) {
        this.s = services;
    }

    public WorkspaceExportResult export(VmWorkspaceExportParams p, BooleanSupplier cancelled) throws Exception {
        VmRecord vm = RunningVm.require(new VmLifecycle(s).find(p.vm()));
        GuestShell.Outcome o = new GuestShell(s.guest(), vm, cancelled)
                .run(GuestScripts.EXPORT, List.of(p.baseCommit() == null ? "" : p.baseCommit()), null);
        if (o.exitCode() != 0) {
            throw GuestRefusal.of(vm.name(), "export", o);
        }
        Framed f = Framed.parse(o.stdout(), vm.name());
        String patch = utf8(f.patch(), vm.name());
        return new WorkspaceExportResult(vm.name(), f.base(), patch, f.patch().length, f.names());
    }

    /** The export script's stdout: "<base>\n<n>\n", n bytes of NUL-separated names, then the patch. */
    record Framed(String base, List<String> names, byte[] patch) {
        static Framed parse(byte[] out, String vm) {
            try {
                int nl1 = indexOf(out, 0);
                int nl2 = indexOf(out, nl1 + 1);
                String base = new String(out, 0, nl1, StandardCharsets.US_ASCII).strip();
                int n = Integer.parseInt(new String(out, nl1 + 1, nl2 - nl1 - 1, StandardCharsets.US_ASCII).strip());
                String names = new String(out, nl2 + 1, n, StandardCharsets.UTF_8);
                byte[] patch = Arrays.copyOfRange(out, nl2 + 1 + n, out.length);
                return new Framed(base, HostGit.nulSeparated(names), patch);
            } catch (RuntimeException e) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "export in VM " + vm + " printed something unexpected", e);
            }
        }

        private static int indexOf(byte[] b, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            throw new IllegalArgumentException("no newline");
        }
    }

    /** A patch is text for `git apply`; one that is not UTF-8 (a Latin-1 source file) cannot travel in JSON intact. */
    private static String utf8(byte[] patch, String vm) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(patch)).toString();
        } catch (CharacterCodingException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "the patch from VM " + vm + " is not UTF-8 (a text file in another"
                    + " encoding?); JSON cannot carry it intact. Mark such files binary in .gitattributes (`*.txt binary`) and export again");
        }
    }
}
