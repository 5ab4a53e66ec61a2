package dev.banger.kernel.core;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.KernelInfo;
import dev.banger.kernel.api.Operations;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.PluginInfo;
import dev.banger.kernel.core.config.BangerConfig;
import dev.banger.kernel.core.config.DaemonSettings;
import dev.banger.kernel.core.config.Layout;
import dev.banger.kernel.core.config.PluginHomeImpl;
import dev.banger.kernel.core.helper.SocketHelperClient;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.core.ops.OperationJournal;
import dev.banger.kernel.core.ops.OperationRegistry;
import dev.banger.kernel.core.ops.SqliteOperationJournal;
import dev.banger.kernel.core.plugins.Contribution;
import dev.banger.kernel.core.rpc.CallScope;
import org.slf4j.MDC;
import dev.banger.kernel.core.plugins.PluginHost;
import dev.banger.kernel.core.plugins.PluginStartupException;
import dev.banger.kernel.core.rpc.DispatchTable;
import dev.banger.kernel.core.rpc.Dispatcher;
import dev.banger.kernel.core.rpc.KernelServices;
import dev.banger.kernel.core.server.SocketGuard;
import dev.banger.kernel.core.server.SocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running bangerd: plugins loaded, table built, socket served. Wires the kernel services together. */
public final class Kernel implements KernelServices, KernelInfo, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.kernel");
    private final Layout layout;
    private final BangerConfig config;
    private final Path helperSocket;
    private final PluginHost host;
    private final DispatchTable table;
    private final OperationRegistry operations;
    private final SocketGuard guard;
    private final SocketServer server;
    private final Instant startedAt = Instant.now();
    private final Map<String, PluginHome> homes = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private final OperationJournal journal;
    private final Dispatcher dispatcher;

    private Kernel(DaemonSettings s, PluginHost host, DispatchTable table, SocketGuard guard) {
        this.layout = s.layout();
        this.config = s.config();
        this.helperSocket = s.helperSocket();
        this.host = host;
        this.table = table;
        this.guard = guard;
        this.journal = openJournal(s.layout().stateDir().resolve("operations.db"));
        this.operations = new OperationRegistry(Clock.systemUTC(), Duration.ofHours(1), this::stopping, journal);
        this.dispatcher = new Dispatcher(table, this);
        this.server = new SocketServer(s.socket(), dispatcher);
    }

    /** Without a journal the daemon still works; it just cannot report a killed predecessor's operations. */
    private static OperationJournal openJournal(Path file) {
        try {
            return SqliteOperationJournal.open(file);
        } catch (Exception e) {
            LOG.warn("operation journal {} cannot be opened ({}); operations are kept in memory only", file, e.toString());
            return OperationJournal.NONE;
        }
    }

    /** Each family's start hook, one background thread per plugin, so a slow recovery delays no other plugin. */
    private void runStartHooks() {
        for (Contribution<RpcFamily> c : host.extensions(RpcFamily.class)) {
            CallScope scope = dispatcher.startScope(c.pluginId(), c.extension().family(), this::stopping);
            Thread t = new Thread(() -> {
                MDC.put(Dispatcher.MDC_OP_ID, scope.opId());
                try {
                    c.extension().started(scope);
                } catch (Exception | LinkageError e) {
                    LOG.error("start hook of plugin {} (family {}) failed", c.pluginId(), c.extension().family(), e);
                } finally {
                    MDC.remove(Dispatcher.MDC_OP_ID);
                }
            }, "banger-start-" + c.extension().family());
            t.setDaemon(true);
            t.start();
        }
    }

    public static Kernel start(DaemonSettings s) throws IOException, PluginStartupException, SocketGuard.AlreadyRunningException {
        SocketGuard guard = SocketGuard.acquire(s.socket(), "bangerd");
        PluginHost host = null;
        try {
            host = PluginHost.start(s.pluginsDir(), s.config().disabledPlugins());
            Kernel kernel = new Kernel(s, host, host.table(), guard);
            kernel.server.start();
            kernel.runStartHooks();
            LOG.atInfo().addKeyValue("socket", s.socket().toString()).addKeyValue("pid", kernel.pid())
                    .addKeyValue("methods", kernel.table.methods().size()).addKeyValue("plugins_dir", s.pluginsDir().toString())
                    .log("bangerd started");
            return kernel;
        } catch (IOException | PluginStartupException | RuntimeException e) {
            if (host != null) {
                host.close();
            }
            guard.close();
            throw e;
        }
    }

    private boolean stopping() {
        return server != null && server.stopping();
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("bangerd stopping");
        try {
            server.close();
            operations.close();
        } catch (IOException | InterruptedException e) {
            LOG.warn("stop was not clean: {}", e.toString());
        }
        host.close();
        if (journal instanceof SqliteOperationJournal sqlite) {
            try {
                sqlite.close();
            } catch (Exception e) {
                LOG.warn("closing the operation journal failed: {}", e.toString());
            }
        }
        try {
            guard.close();
        } catch (IOException e) {
            LOG.warn("releasing the socket lock failed: {}", e.toString());
        }
        LOG.info("bangerd stopped");
        dev.banger.kernel.core.logging.LogFlush.flush();
        stopped.countDown();
    }

    @Override
    public Operations operations() {
        return operations;
    }

    @Override
    public KernelInfo kernel() {
        return this;
    }

    @Override
    public PluginHome home(String pluginId) {
        return homes.computeIfAbsent(pluginId, id -> new PluginHomeImpl(id, layout, config.pluginSection(id)));
    }

    @Override
    public HelperClient helper(String opId) {
        return new SocketHelperClient(helperSocket, opId);
    }

    @Override
    public String version() {
        return BuildInfo.version();
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<PluginInfo> plugins() {
        return host.describe(table);
    }

    @Override
    public void requestShutdown() {
        // exit from another thread so the daemon.shutdown response is written first; the shutdown hook stops us
        Thread t = new Thread(() -> System.exit(0), "bangerd-shutdown");
        t.setDaemon(false);
        t.start();
    }
}
