package dev.banger.plugins.vm.lifecycle;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.BackendReport;
import dev.banger.plugins.vm.backend.Applicability;
import dev.banger.plugins.vm.backend.VmBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the applicable backend with the highest priority; when none applies, one report says why for each. */
public final class BackendChooser {
    private final List<VmBackend> backends;

    public BackendChooser(List<VmBackend> backends) {
        this.backends = backends.stream().sorted(Comparator.comparingInt(VmBackend::priority).reversed()).toList();
    }

    public VmBackend choose(String networkMode) {
        List<String> whyNot = new ArrayList<>();
        for (VmBackend b : backends) {
            Applicability a = b.applicability();
            if (!a.applicable()) {
                whyNot.add(b.name() + ": " + a.reason());
            } else if (!b.capabilities().networkModes().contains(networkMode)) {
                whyNot.add(b.name() + ": no " + networkMode + " networking");
            } else {
                return b;
            }
        }
        throw new RpcException(ErrorCode.OPERATION_FAILED, "no VM backend can run here: " + String.join("; ", whyNot)
                + " (`banger vm backends` shows the details)");
    }

    public Optional<VmBackend> byName(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public BackendReport report() {
        List<BackendReport.Entry> entries = new ArrayList<>();
        String selected = null;
        for (VmBackend b : backends) {
            Applicability a = b.applicability();
            entries.add(new BackendReport.Entry(b.name(), b.priority(), a.applicable(), a.reason()));
            if (selected == null && a.applicable()) {
                selected = b.name();
            }
        }
        return new BackendReport(entries, selected);
    }
}
