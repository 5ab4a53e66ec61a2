package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.ExecOutput;
import dev.banger.plugins.vm.api.ExecResult;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.api.VmDefaultsResult;
import dev.banger.plugins.vm.api.VmExecParams;
import dev.banger.plugins.vm.api.VmKillParams;
import dev.banger.plugins.vm.api.VmNameParams;
import dev.banger.plugins.vm.api.VmNamesParams;
import dev.banger.plugins.vm.api.VmResults;
import dev.banger.plugins.vm.api.VmSummary;
import dev.banger.plugins.vm.api.VmDnsInfo;
import dev.banger.plugins.vm.lifecycle.GuestEndpoint;
import dev.banger.plugins.vm.lifecycle.RunningVm;
import dev.banger.plugins.vm.net.dns.VmZone;
import dev.banger.plugins.vm.lifecycle.VmCreate;
import dev.banger.plugins.vm.lifecycle.VmDefaults;
import dev.banger.plugins.vm.lifecycle.VmLifecycle;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import dev.banger.plugins.vm.api.WorkspacePrepareResult;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.workspace.WorkspacePrepare;
import java.time.Duration;

/** The handlers of VmFamily: thin adapters from RPC params to the lifecycle classes. */
final class VmCalls {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private VmCalls() {
    }

    static VmLifecycle lifecycle(CallContext ctx) throws Exception {
        return new VmLifecycle(VmFamily.services(ctx), ctx.helper());
    }

    static OperationSummary beginCreate(CallContext ctx, VmCreateParams p) throws Exception {
        VmServices s = VmFamily.services(ctx);
        VmCreate create = new VmCreate(s);
        VmCreate.Plan plan = create.plan(ctx, p);
        return ctx.operations().begin(ctx, "vm.create", plan.record().name(), progress -> create.run(plan, progress));
    }

    /** The synchronous form: the same operation, its stages streamed as events; leaving cancels it. */
    static VmSummary create(CallContext ctx, VmCreateParams p) throws Exception {
        VmServices s = VmFamily.services(ctx);
        VmCreate create = new VmCreate(s);
        VmCreate.Plan plan = create.plan(ctx, p);
        OperationSummary op = ctx.operations().begin(ctx, "vm.create", plan.record().name(), progress -> create.run(plan, new StageEcho(progress, ctx)));
        while (true) {
            OperationSummary now = ctx.operations().await(op.id(), Duration.ofMillis(200)).orElseThrow();
            if (now.done()) {
                if (now.error() != null) {
                    throw new RpcException(now.error().code(), now.error().message());
                }
                return lifecycle(ctx).find(plan.record().name()).summary();
            }
            if (ctx.cancelled()) {
                ctx.operations().cancel(op.id());
            }
        }
    }

    static VmDefaultsResult defaults(CallContext ctx) {
        VmDefaults d = VmDefaults.from(ctx.home().config());
        return new VmDefaultsResult(d.image(), d.kernel(), d.vcpu(), d.memoryMib(), d.diskBytes(), d.network(), d.readyTimeoutSeconds());
    }

    static VmResults start(CallContext ctx, VmNamesParams p) throws Exception {
        VmLifecycle l = lifecycle(ctx);
        Duration ready = Duration.ofSeconds(VmDefaults.from(ctx.home().config()).readyTimeoutSeconds());
        return new VmResults(EachVm.run(p.names(), n -> l.start(n, new CallProgress(ctx), ready)));
    }

    static VmResults stop(CallContext ctx, VmNamesParams p) throws Exception {
        VmLifecycle l = lifecycle(ctx);
        return new VmResults(EachVm.run(p.names(), n -> l.stop(n, timeout(p))));
    }

    static VmResults restart(CallContext ctx, VmNamesParams p) throws Exception {
        VmLifecycle l = lifecycle(ctx);
        Duration ready = Duration.ofSeconds(VmDefaults.from(ctx.home().config()).readyTimeoutSeconds());
        return new VmResults(EachVm.run(p.names(), n -> {
            l.stop(n, timeout(p));
            return l.start(n, new CallProgress(ctx), ready);
        }));
    }

    static VmResults kill(CallContext ctx, VmKillParams p) throws Exception {
        VmLifecycle l = lifecycle(ctx);
        return new VmResults(EachVm.run(p.names(), n -> l.kill(n, p.effectiveSignal())));
    }

    static VmResults delete(CallContext ctx, VmNamesParams p) throws Exception {
        VmLifecycle l = lifecycle(ctx);
        return new VmResults(EachVm.run(p.names(), n -> l.delete(n, Duration.ofSeconds(10))));
    }

    static ExecResult exec(CallContext ctx, VmExecParams p) throws Exception {
        VmRecord r = running(ctx, p.name());
        GuestEndpoint at = GuestEndpoint.of(r);
        Duration limit = p.timeoutMs() == null ? Duration.ofHours(24) : Duration.ofMillis(p.timeoutMs());
        int code = VmFamily.services(ctx).guest().exec(r.name(), at.host(), at.port(),
                dev.banger.plugins.vm.ssh.InDirectory.wrap(p.cwd(), p.argv()),
                (stream, data) -> ctx.emit(new ExecOutput(stream, data)), ctx::cancelled, limit);
        return new ExecResult(code);
    }

    static SshInfo ssh(CallContext ctx, VmNameParams p) throws Exception {
        VmRecord r = running(ctx, p.name());
        GuestEndpoint at = GuestEndpoint.of(r);
        return VmFamily.services(ctx).guest().info(r.name(), at.host(), at.port());
    }

    static VmDnsInfo dns(CallContext ctx) throws Exception {
        VmServices s = VmFamily.services(ctx);
        return new VmDnsInfo("127.0.0.1", s.dns().port(), VmZone.SUFFIX.substring(1), s.dns().portFile().toString());
    }

    static dev.banger.plugins.vm.api.LogsResult logs(CallContext ctx, dev.banger.plugins.vm.api.VmLogsParams p) throws Exception {
        VmRecord r = lifecycle(ctx).find(p.name());
        return ConsoleLog.stream(ctx, r, p);
    }

    /** Bundles and archives are staged under the plugin's cache dir (a disk, unlike a tmpfs /tmp) and removed after. */
    static WorkspacePrepareResult prepareWorkspace(CallContext ctx, VmWorkspacePrepareParams p) throws Exception {
        return new WorkspacePrepare(VmFamily.services(ctx), ctx.home().cacheDir().resolve("workspace")).prepare(p, ctx::cancelled, ctx.log());
    }

    private static VmRecord running(CallContext ctx, String name) throws Exception {
        return RunningVm.require(lifecycle(ctx).find(name));
    }

    private static Duration timeout(VmNamesParams p) {
        return p.timeoutMs() == null ? STOP_TIMEOUT : Duration.ofMillis(p.timeoutMs());
    }
}
