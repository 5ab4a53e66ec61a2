package dev.banger.plugins.vm;

import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmSummary;
import dev.banger.plugins.vm.store.VmRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs one lifecycle step on several VMs in parallel (per-VM locks keep each VM's work in order). */
final class EachVm {
    interface Step {
        VmRecord apply(String name) throws Exception;
    }

    /** Not the common pool: on 2 cores it would run the VMs one at a time. */
    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "banger-vm-step");
        t.setDaemon(true);
        return t;
    });

    private EachVm() {
    }

    static List<VmSummary> run(List<String> names, Step step) {
        List<CompletableFuture<VmRecord>> all = new ArrayList<>();
        for (String n : names) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return step.apply(n);
                } catch (RpcException e) {
                    throw e;
                } catch (Exception e) {
                    throw new RpcException(ErrorCode.OPERATION_FAILED, n + ": " + e, e);
                }
            }, POOL));
        }
        List<VmSummary> out = new ArrayList<>();
        RpcException first = null;
        for (CompletableFuture<VmRecord> f : all) {
            try {
                out.add(f.join().summary());
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RpcException r ? r : new RpcException(ErrorCode.OPERATION_FAILED, e.getCause().toString());
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }
}
