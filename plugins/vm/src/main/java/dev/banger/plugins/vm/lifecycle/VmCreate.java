package dev.banger.plugins.vm.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.helper.api.PingResult;
import dev.banger.kernel.api.CallContext;
import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.OperationProgress;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.RpcException;
import dev.banger.plugins.vm.api.VmCreateParams;
import dev.banger.plugins.vm.backend.VmBackend;
import dev.banger.plugins.vm.disk.VmDisks;
import dev.banger.plugins.vm.ssh.Ed25519KeyGen;
import dev.banger.plugins.vm.store.VmRecord;
import dev.banger.plugins.vm.store.VmRuntime;
import dev.banger.plugins.vm.store.VmSpec;
import dev.banger.kernel.api.files.DiskSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * vm.create in two halves: {@link #plan} checks everything the request alone can get wrong (before
 * any file or row exists), {@link #run} does the work in named stages. A cancel removes everything
 * made so far; a failure while booting keeps the VM in state error so its log can be read.
 * From allocation until it ends the row says {@code creating}, so a daemon killed meanwhile undoes
 * the create at its next start ({@link CrashRecovery}).
 */
public final class VmCreate {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param helper       the creating call's helper client (bridge VMs: tap and NAT in the operation's thread)
     * @param bridgeHelper what the helper reported when the plan checked it was there; null for user networking
     */
    public record Plan(VmRecord record, VmBackend backend, boolean start, Duration readyTimeout, HelperClient helper,
                       PingResult bridgeHelper) {
        boolean bridged() {
            return bridgeHelper != null;
        }
    }

    private final VmRuntimeServices s;

    public VmCreate(VmRuntimeServices services) {
        this.s = services;
    }

    public Plan plan(CallContext ctx, VmCreateParams p) throws Exception {
        VmDefaults d = VmDefaults.from(ctx.home().config());
        String name = p.name() != null ? p.name() : "vm-" + hex(3);
        if (s.store().find(name).isPresent()) {
            throw new RpcException(ErrorCode.ALREADY_EXISTS, "a VM named " + name + " already exists; pick another --name or `banger vm delete " + name + "`");
        }
        String network = p.network() != null ? p.network() : d.network();
        if (Boolean.TRUE.equals(p.nat()) && !network.equals("bridge")) {
            throw RpcException.badRequest("params.nat: NAT applies to bridge networking only, and this VM's network is " + network);
        }
        // the helper is asked first, so an absent helper fails with its clear message before anything exists
        PingResult bridgeHelper = network.equals("bridge") ? s.bridge().reach(ctx.helper()) : null;
        String imageName = p.image() != null ? p.image() : d.image();
        String kernelName = p.kernel() != null ? p.kernel() : d.kernel();
        JsonNode image = lookup(ctx, "image.show", imageName, "banger image pull " + imageName);
        JsonNode kernel = lookup(ctx, "kernel.show", kernelName, "banger kernel pull " + kernelName);
        VmBackend backend = s.backends().choose(network);
        VmSpec spec = new VmSpec(imageName, kernelName, p.vcpu() != null ? p.vcpu() : d.vcpu(),
                p.memoryMib() != null ? p.memoryMib() : d.memoryMib(), p.diskSizeBytes() != null ? p.diskSizeBytes() : d.diskBytes(),
                network, Boolean.TRUE.equals(p.nat()));
        String id = hex(4);
        VmRuntime rt = new VmRuntime(id, backend.name(), null, null, s.paths().run(id).toString(), s.paths().disks(name).toString(),
                null, bridgeHelper == null ? "10.0.2.15" : null, "52:54:00:" + id.substring(0, 2) + ":" + id.substring(2, 4) + ":" + id.substring(4, 6), List.of(),
                image.path("rootfs").asText(), kernel.path("vmlinuz").asText(), kernel.path("initrd").asText(null),
                image.path("guest").path("init").asText("/sbin/init"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Plan(new VmRecord(name, VmStates.CREATING, spec, rt, now, now, null), backend, !Boolean.TRUE.equals(p.noStart()),
                Duration.ofSeconds(p.readyTimeoutS() != null ? p.readyTimeoutS() : d.readyTimeoutSeconds()), ctx.helper(), bridgeHelper);
    }

    public VmRecord run(Plan plan, OperationProgress progress) throws Exception {
        progress.stage("allocate");
        VmRecord r;
        try {
            r = allocate(plan);
        } catch (Exception e) {
            throw DiskSpace.exhausted(e) ? noSpace(plan.record()) : e;
        }
        boolean networkFailed = false;
        try {
            progress.stage("prepare disks");
            Path dir = Files.createDirectories(Path.of(r.runtime().diskDir()));
            VmDisks.root(dir, Path.of(r.runtime().rootfsImage()), plan.backend().capabilities().diskFormats().contains("qcow2"));
            VmDisks.work(dir, r.spec().diskBytes());
            progress.checkCancelled();
            progress.stage("configure guest");
            configure(r, dir);
            progress.stage("network");
            progress.checkCancelled();
            if (!plan.start()) {
                VmRecord created = r.withState("created", null);
                s.store().update(created);
                progress.stage("ready");
                return created;
            }
            try {
                BridgeLink.up(s, r, plan.helper());
            } catch (Exception e) {
                // nothing has run yet, and a half-made network is no state to keep: the whole VM goes
                networkFailed = true;
                throw e;
            }
            VmRecord running = new VmBoot(s).boot(r, plan.backend(), progress, plan.readyTimeout(), VmStates.CREATING);
            progress.stage("ready");
            return running;
        } catch (Exception e) {
            if (DiskSpace.exhausted(e)) {
                // a VM whose disks could not be written has no log worth keeping: it goes, so the same create can simply be repeated
                s.removal().discard(current(r), plan.backend(), plan.helper());
                throw noSpace(r);
            }
            // a cancelled create, or one whose network could not be set up, never ran: nothing of it stays
            if (e instanceof RpcException rpc && rpc.code() == ErrorCode.CANCELLED || progress.cancelled() || networkFailed) {
                s.removal().discard(current(r), plan.backend(), plan.helper());
            } else {
                s.removal().markFailed(current(r), plan.backend(), e instanceof RpcException rpc ? rpc.detail() : e.toString(), plan.helper());
            }
            throw e;
        }
    }

    private RpcException noSpace(VmRecord r) {
        return DiskSpace.error(Path.of(r.runtime().diskDir()).getParent(), "creating VM " + r.name()
                + " (a copy-on-write overlay, a 16 MiB config disk and the metadata of a sparse " + (r.spec().diskBytes() >> 20)
                + " MiB work disk; what it had made is removed)", -1);
    }

    private VmRecord current(VmRecord r) throws Exception {
        return s.store().find(r.name()).orElse(r);
    }

    /**
     * The ssh port (user networking) or the bridge lease (address + tap) and the row are taken together, so
     * parallel creates never share a port, an address or a name.
     */
    private VmRecord allocate(Plan plan) throws Exception {
        VmRecord r = plan.record();
        if (plan.bridged()) {
            return s.store().insertWithLease(r, s.bridge().chooser(r.name(), r.runtime().id(), plan.bridgeHelper()))
                    .orElseThrow(() -> new RpcException(ErrorCode.ALREADY_EXISTS, "a VM named " + r.name() + " already exists"));
        }
        synchronized (LocalPorts.ALLOCATION) {
            int port = LocalPorts.free(LocalPorts.held(s.store().list()));
            VmRuntime rt = r.runtime();
            VmRecord withPort = r.withRuntime(new VmRuntime(rt.id(), rt.backend(), null, null, rt.runDir(), rt.diskDir(), port, rt.ip(), rt.mac(),
                    List.of(new VmRuntime.Forward(port, 22)), rt.rootfsImage(), rt.vmlinuz(), rt.initrd(), rt.init()));
            if (!s.store().insert(withPort)) {
                throw new RpcException(ErrorCode.ALREADY_EXISTS, "a VM named " + r.name() + " already exists");
            }
            return withPort;
        }
    }

    /** Per-VM files go on the config disk, never into the shared image. */
    private void configure(VmRecord r, Path dir) throws Exception {
        Path contents = Files.createDirectories(dir.resolve("config"));
        Files.writeString(contents.resolve("authorized_keys"), s.guest().publicKey() + "\n");
        // the guest's host key is made here, so known_hosts is pinned before the first connection (no TOFU window)
        Path hostKeyFile = contents.resolve("ssh_host_ed25519_key");
        Ed25519KeyGen.generate(hostKeyFile, "banger-" + r.name());
        String hostKey = Ed25519KeyGen.publicKeyLine(hostKeyFile);
        VmDisks.config(dir, contents);
        dev.banger.kernel.api.files.FileTrees.deleteRecursively(contents);
        GuestEndpoint at = GuestEndpoint.of(r);
        s.guest().trust(r.name(), at.host(), at.port(), hostKey);
    }

    private static JsonNode lookup(CallContext ctx, String method, String name, String fix) {
        try {
            return ctx.call(method, Map.of("name", name), JsonNode.class);
        } catch (RpcException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw RpcException.notFound(e.detail() + "; run `" + fix + "` first");
            }
            if (e.code() == ErrorCode.UNKNOWN_METHOD) {
                throw new RpcException(ErrorCode.OPERATION_FAILED, "VMs need the image plugin (" + method + "): " + e.detail());
            }
            throw e;
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
