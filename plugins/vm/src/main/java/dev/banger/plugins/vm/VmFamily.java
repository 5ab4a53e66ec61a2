package dev.banger.plugins.vm;

import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.plugins.vm.api.BackendReport;
import dev.banger.plugins.vm.api.ExecResult;
import dev.banger.plugins.vm.api.SshConfigResult;
import dev.banger.plugins.vm.api.VmDnsInfo;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.api.VmDefaultsResult;
import dev.banger.plugins.vm.api.VmExecParams;
import dev.banger.plugins.vm.api.VmForwardAddParams;
import dev.banger.plugins.vm.api.VmForwardRemoveParams;
import dev.banger.plugins.vm.api.VmForwards;
import dev.banger.plugins.vm.api.VmHealth;
import dev.banger.plugins.vm.api.VmListResult;
import dev.banger.plugins.vm.api.VmLogsParams;
import dev.banger.plugins.vm.api.VmNameParams;
import dev.banger.plugins.vm.api.VmNamesParams;
import dev.banger.plugins.vm.api.VmPortsResult;
import dev.banger.plugins.vm.api.VmResults;
import dev.banger.plugins.vm.api.VmSetParams;
import dev.banger.plugins.vm.api.VmSummary;
import dev.banger.plugins.vm.api.VmWorkspaceExportParams;
import dev.banger.plugins.vm.api.VmWorkspacePrepareParams;
import dev.banger.plugins.vm.api.WorkspaceExportResult;
import dev.banger.plugins.vm.api.WorkspacePrepareResult;
import dev.banger.plugins.vm.lifecycle.GuestPorts;
import dev.banger.plugins.vm.lifecycle.VmHealthCheck;
import dev.banger.plugins.vm.lifecycle.VmPortForwards;
import dev.banger.plugins.vm.lifecycle.VmPrune;
import dev.banger.plugins.vm.lifecycle.VmResize;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.workspace.WorkspaceExport;
import java.util.List;
import org.pf4j.Extension;

/** vm.*: microVM sandboxes (docs/vms.md). The work is in {@code lifecycle}; this is the method table. */
@Extension
public final class VmFamily implements RpcFamily {
    @Override
    public String family() {
        return "vm";
    }

    @Override
    public List<Method<?, ?>> methods() {
        return List.of(
                Method.of("vm.list", NoParams.class, VmListResult.class,
                        (ctx, p) -> new VmListResult(services(ctx).store().list().stream().map(VmRecord::summary).toList())),
                Method.of("vm.show", VmNameParams.class, VmSummary.class, (ctx, p) -> VmCalls.lifecycle(ctx).find(p.name()).summary()),
                Method.of("vm.defaults", NoParams.class, VmDefaultsResult.class, (ctx, p) -> VmCalls.defaults(ctx)),
                Method.of("vm.ssh_config", NoParams.class, SshConfigResult.class, (ctx, p) -> services(ctx).sshConfig().refresh()),
                Method.of("vm.backends", NoParams.class, BackendReport.class, (ctx, p) -> services(ctx).backends().report()),
                Method.of("vm.dns", NoParams.class, VmDnsInfo.class, (ctx, p) -> VmCalls.dns(ctx)),
                Method.of("vm.create.begin", VmCreateParams.class, OperationSummary.class, VmCalls::beginCreate),
                Method.streaming("vm.create", VmCreateParams.class, VmSummary.class, VmCalls::create),
                Method.of("vm.start", VmNamesParams.class, VmResults.class, VmCalls::start),
                Method.of("vm.stop", VmNamesParams.class, VmResults.class, VmCalls::stop),
                Method.of("vm.restart", VmNamesParams.class, VmResults.class, VmCalls::restart),
                Method.of("vm.kill", dev.banger.plugins.vm.api.VmKillParams.class, VmResults.class, VmCalls::kill),
                Method.of("vm.delete", VmNamesParams.class, VmResults.class, VmCalls::delete),
                Method.streaming("vm.exec", VmExecParams.class, ExecResult.class, VmCalls::exec),
                Method.of("vm.ssh", VmNameParams.class, SshInfo.class, VmCalls::ssh),
                Method.streaming("vm.logs", VmLogsParams.class, dev.banger.plugins.vm.api.LogsResult.class, VmCalls::logs),
                Method.of("vm.set", VmSetParams.class, VmSummary.class,
                        (ctx, p) -> new VmResize(services(ctx)).set(p.name(), p.vcpu(), p.memoryMib()).summary()),
                Method.of("vm.prune", NoParams.class, VmResults.class,
                        (ctx, p) -> new VmResults(new VmPrune(services(ctx), ctx.helper()).prune().stream().map(VmRecord::summary).toList())),
                Method.of("vm.health", VmNameParams.class, VmHealth.class, (ctx, p) -> new VmHealthCheck(services(ctx)).check(p.name())),
                Method.of("vm.ports", VmNameParams.class, VmPortsResult.class,
                        (ctx, p) -> new VmPortsResult(p.name(), new GuestPorts(services(ctx)).list(p.name(), ctx::cancelled))),
                Method.of("vm.forward.add", VmForwardAddParams.class, VmForwards.class,
                        (ctx, p) -> new VmPortForwards(services(ctx)).add(p.name(), p.guestPort(), p.hostPort())),
                Method.of("vm.forward.remove", VmForwardRemoveParams.class, VmForwards.class,
                        (ctx, p) -> new VmPortForwards(services(ctx)).remove(p.name(), p.hostPort())),
                Method.of("vm.forward.list", VmNameParams.class, VmForwards.class, (ctx, p) -> new VmPortForwards(services(ctx)).list(p.name())),
                Method.of("vm.workspace.prepare", VmWorkspacePrepareParams.class, WorkspacePrepareResult.class, VmCalls::prepareWorkspace),
                Method.of("vm.workspace.export", VmWorkspaceExportParams.class, WorkspaceExportResult.class,
                        (ctx, p) -> new WorkspaceExport(services(ctx)).export(p, ctx::cancelled)));
    }

    /** Recovery and the VMM watch must not wait for the first vm.* call after a restart. */
    @Override
    public void started(CallContext ctx) throws Exception {
        services(ctx);
    }

    static VmServices services(CallContext ctx) throws Exception {
        return VmServices.of(ctx);
    }
}
