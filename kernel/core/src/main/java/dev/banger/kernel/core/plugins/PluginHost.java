package dev.banger.kernel.core.plugins;

import dev.banger.kernel.api.ApiVersion;
import dev.banger.kernel.api.PluginInfo;
import dev.banger.kernel.api.RpcFamily;
import dev.banger.kernel.core.rpc.DispatchTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and starts the plugin jars of one plugins directory and checks what the kernel refuses:
 * an incompatible Plugin-Requires, a plugin that failed to start, a started plugin with no
 * RpcFamily, two plugins contributing one method.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("banger.plugins");
    private final Path pluginsDir;
    private final BangerPluginManager manager;

    private PluginHost(Path pluginsDir, BangerPluginManager manager) {
        this.pluginsDir = pluginsDir;
        this.manager = manager;
    }

    public static PluginHost start(Path pluginsDir, Collection<String> disabledByConfig) throws PluginStartupException {
        if (!Files.isDirectory(pluginsDir)) {
            throw new PluginStartupException("plugins directory " + pluginsDir + " does not exist; set plugins.dir in config.toml or BANGER_PLUGINS_DIR");
        }
        BangerPluginManager manager = new BangerPluginManager(pluginsDir, disabledByConfig);
        manager.loadPlugins();
        PluginHost host = new PluginHost(pluginsDir, manager);
        host.checkRequires();
        manager.startPlugins();
        host.checkStarted();
        return host;
    }

    private void checkRequires() throws PluginStartupException {
        List<String> bad = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            String requires = w.getDescriptor().getRequires();
            if (!operatorDisabled(w) && !manager.getVersionManager().checkVersionConstraint(ApiVersion.CURRENT, requires)) {
                bad.add("'" + w.getPluginId() + "' (" + w.getPluginPath().getFileName() + ") requires kernel API " + requires);
            }
        }
        if (!bad.isEmpty()) {
            throw new PluginStartupException("incompatible plugin(s): " + String.join("; ", bad) + "; this kernel provides API "
                    + ApiVersion.CURRENT + ". Upgrade the plugin or disable it (plugins.disabled in config.toml)");
        }
    }

    private void checkStarted() throws PluginStartupException {
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.FAILED) {
                throw new PluginStartupException("plugin '" + w.getPluginId() + "' failed to start: " + w.getFailedException(), w.getFailedException());
            }
            if (w.getPluginState() == PluginState.STARTED && manager.getExtensions(RpcFamily.class, w.getPluginId()).isEmpty()) {
                throw new PluginStartupException("plugin '" + w.getPluginId() + "' (" + w.getPluginPath().getFileName()
                        + ") started but contributes no RpcFamily extension: is its META-INF/extensions.idx missing, or is banger-kernel-api bundled inside the jar instead of provided?");
            }
        }
    }

    private boolean operatorDisabled(PluginWrapper w) {
        return manager.disabledOnHost(w.getPluginId());
    }

    /** Builds the dispatch table from every started plugin's families. */
    public DispatchTable table() throws PluginStartupException {
        DispatchTable.Builder b = DispatchTable.builder();
        try {
            for (Contribution<RpcFamily> c : extensions(RpcFamily.class)) {
                b.add(c.pluginId(), c.extension());
            }
        } catch (DispatchTable.TableException e) {
            throw new PluginStartupException(e.getMessage(), e);
        }
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.DISABLED) {
                DisabledFamilies.of(manager, w).forEach(f -> b.disabledFamily(f, w.getPluginId()));
            }
        }
        return b.build();
    }

    /** Extensions of {@code type} from started plugins, in plugin order. */
    public <T> List<Contribution<T>> extensions(Class<T> type) {
        List<Contribution<T>> out = new ArrayList<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            for (T ext : manager.getExtensions(type, w.getPluginId())) {
                out.add(new Contribution<>(w.getPluginId(), ext));
            }
        }
        return out;
    }

    public List<PluginInfo> describe(DispatchTable table) {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            List<String> methods = table.methods().values().stream()
                    .filter(e -> e.pluginId().equals(w.getPluginId()))
                    .map(e -> e.method().name()).sorted().toList();
            out.add(new PluginInfo(w.getPluginId(), w.getDescriptor().getVersion(),
                    w.getPluginState().toString().toLowerCase(Locale.ROOT),
                    w.getPluginPath().toString(), methods));
        }
        return out;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    @Override
    public void close() {
        try {
            manager.stopPlugins();
        } catch (RuntimeException e) {
            LOG.warn("stopping plugins failed: {}", e.toString());
        }
    }

    /**
     * Method family names of a plugin that is loaded but disabled. Its RpcFamily classes are
     * constructed (never started, never called beyond family()): docs/plugins.md asks for
     * side-effect-free constructors for this reason.
     */
    static final class DisabledFamilies {
        private DisabledFamilies() {
        }

        static List<String> of(BangerPluginManager manager, PluginWrapper w) {
            List<String> families = new ArrayList<>();
            try {
                ClassLoader loader = w.getPluginClassLoader();
                for (String name : manager.getExtensionClassNames(w.getPluginId())) {
                    Class<?> type = Class.forName(name, false, loader);
                    if (RpcFamily.class.isAssignableFrom(type)) {
                        families.add(((RpcFamily) type.getDeclaredConstructor().newInstance()).family());
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("could not read the families of disabled plugin {}: {}", w.getPluginId(), e.toString());
            }
            return families;
        }
    }
}
