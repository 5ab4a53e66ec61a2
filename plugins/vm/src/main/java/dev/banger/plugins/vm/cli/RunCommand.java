package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.NoParams;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Sizes;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.api.VmDefaultsResult;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = "Create a VM, wait until it is ready, then open a shell in it or run CMD (exiting with CMD's exit code).",
        footer = {"", "Examples:", "  banger vm run                                  # a shell in a fresh VM from the default image",
                "  banger vm run --rm -- make test                # run, exit with its code, delete the VM",
                "  banger vm run -d --name dev                    # create it, return when ready; then: banger vm ssh dev",
                "  banger vm run --vcpu 4 --memory 4G --disk-size 20G -- nproc",
                "  banger vm run --rm . -- make test              # this git repository in /root/repo (uncommitted edits too)",
                "  banger vm run . --include-untracked --branch try-it   # a shell in /root/repo on a guest-only branch",
                "  banger vm run . --dry-run                      # what would be copied; creates nothing",
                "", "Exit codes: CMD's (or ssh's) own; 2 bad usage; otherwise as every banger command (docs/cli.md).",
                "Workspaces (PATH): docs/workspaces.md; bring changes back with `banger vm workspace export NAME | git apply`."})
final class RunCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CliEnvironment env;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "[PATH] [-- CMD...]", hideParamSyntax = true, arity = "0..*", description = "PATH: a git work tree copied to /root/repo, where CMD (as root) and the shell start.")
    List<String> positionals;
    @Option(names = "--name", description = "VM name (default: generated).")
    String name;
    @Option(names = "--image", description = "Image (default from the daemon: debian-bookworm).")
    String image;
    @Option(names = "--kernel", description = "Kernel (default debian-cloud).")
    String kernel;
    @Option(names = "--vcpu", description = "vCPUs.")
    Integer vcpu;
    @Option(names = "--memory", description = "Memory, e.g. 1024M or 2G.")
    String memory;
    @Option(names = "--disk-size", description = "Work disk size, e.g. 8G.")
    String disk;
    @Option(names = "--network", description = "user (default) or bridge.")
    String network;
    @Option(names = "--nat", description = "Bridge networking: NAT the VM to the outside.")
    boolean nat;
    @Option(names = "--ready-timeout", paramLabel = "SECONDS", description = "Give the guest this long to become ready (default from the daemon).")
    Integer readyTimeout;
    @Option(names = "--rm", description = "Delete the VM when the shell or CMD ends, whatever its exit code (kept if it never became ready).")
    boolean rm;
    @Option(names = {"-d", "--detach"}, description = "Create the VM, wait until it is ready, and return (no shell, no CMD).")
    boolean detach;
    @Mixin
    WorkspaceOptions workspace;

    RunCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        RunArgs args = RunArgs.split(positionals, spec.commandLine().getParseResult().originalArgs());
        refuseContradictions(args);
        AfterReady afterReady = AfterReady.NONE;
        if (args.path() != null) {
            // the dry run checks PATH (a git work tree, no submodules in bundle mode, ...) before any VM exists
            WorkspaceStep.Options checkOnly = new WorkspaceStep.Options(workspace.mode, workspace.includeUntracked, workspace.branch, workspace.from, true);
            WorkspaceStep.Prepared plan = WorkspaceStep.prepare(env, null, args.path(), checkOnly);
            if (workspace.dryRun) {
                WorkspaceReport.dryRun(env.out(), plan.result());
                return 0;
            }
            afterReady = AfterReady.workspace(args.path(), workspace.toOptions());
        }
        VmCreateParams p = params();
        VmDefaultsResult defaults = env.call("vm.defaults", new NoParams(), VmDefaultsResult.class);
        env.err().println(SpecLine.of(p, defaults));
        new BaseArtifacts(env).ensure(p.image() != null ? p.image() : defaults.image(), p.kernel() != null ? p.kernel() : defaults.kernel(), defaults);
        create(p);
        return new RunSession(env, p.name(), rm).run(afterReady, detach, args.command());
    }

    /** Flag combinations that cannot mean anything, refused before the daemon is even asked. */
    private void refuseContradictions(RunArgs args) {
        if (args.path() == null && workspace.anyGiven()) {
            throw new IllegalArgumentException("--mode, --include-untracked, --branch, --from and --dry-run need a PATH (a git work tree),"
                    + " e.g. banger vm run . --dry-run");
        }
        if (detach && rm) {
            throw new IllegalArgumentException("--rm cannot be combined with -d/--detach: a detached VM has no session whose end would delete it");
        }
        if (detach && args.hasCommand()) {
            throw new IllegalArgumentException("-d/--detach cannot be combined with -- CMD: use `banger vm run -- CMD` to run it, "
                    + "or `banger vm run -d` then `banger vm exec NAME -- CMD`");
        }
    }

    private VmCreateParams params() {
        Long diskBytes = disk == null ? null : Sizes.parse(disk, "--disk-size");
        // named here rather than by the daemon, so a VM that fails to boot can still be pointed at by name
        String vm = name != null ? name : generatedName();
        return new VmCreateParams(vm, image, kernel, vcpu, MemoryOption.mib(memory), diskBytes, network, nat ? Boolean.TRUE : null, null, readyTimeout);
    }

    private static String generatedName() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return "vm-" + HexFormat.of().formatHex(b);
    }

    /** Streams vm.create: leaving (Ctrl-C ends this process, which closes the socket) makes the daemon cancel and clean up. */
    private void create(VmCreateParams p) {
        Thread interrupted = new Thread(() -> env.err().println(System.lineSeparator() + "banger: interrupted: the daemon cancels the create of "
                + p.name() + " and removes what it made"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        StageDisplay stages = new StageDisplay(env.err());
        try (stages) {
            env.stream("vm.create", p, stages);
        } catch (RpcException e) {
            new NeverReady(env).explain(p.name(), rm);
            throw e;
        } finally {
            removeHook(interrupted);
        }
        env.err().println(stages.readyLine());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it says what happens
        }
    }
}
