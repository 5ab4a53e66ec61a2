package dev.banger.kernel.core.plugins;

import dev.banger.kernel.api.ApiVersion;
import java.nio.file.Path;
import java.util.Collection;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginStatusProvider;

/** pf4j over plain plugin jars, with banger's view of which plugins this host disabled. */
final class BangerPluginManager extends JarPluginManager {
    BangerPluginManager(Path pluginsRoot, Collection<String> disabledByConfig) {
        super(pluginsRoot);
        // createPluginStatusProvider runs inside super(), before our fields exist: hand over the list now
        ((HostPluginStatus) pluginStatusProvider).disableFromConfig(disabledByConfig);
        setSystemVersion(ApiVersion.CURRENT);
    }

    boolean disabledOnHost(String pluginId) {
        return pluginStatusProvider.isPluginDisabled(pluginId);
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new HostPluginStatus(getPluginsRoots().get(0));
    }
}
