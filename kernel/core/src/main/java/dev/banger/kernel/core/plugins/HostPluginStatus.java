package dev.banger.kernel.core.plugins;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.DefaultPluginStatusProvider;
import org.pf4j.PluginStatusProvider;

/**
 * A plugin is disabled on this host when pf4j's disabled.txt (in the plugins directory) says so
 * or config.toml's {@code plugins.disabled} lists it. We never write either file.
 */
final class HostPluginStatus implements PluginStatusProvider {
    private final DefaultPluginStatusProvider files;
    private final Set<String> fromConfig = new TreeSet<>();

    HostPluginStatus(Path pluginsRoot) {
        this.files = new DefaultPluginStatusProvider(pluginsRoot);
    }

    void disableFromConfig(Collection<String> ids) {
        fromConfig.addAll(ids);
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return fromConfig.contains(pluginId) || files.isPluginDisabled(pluginId);
    }

    @Override
    public void disablePlugin(String pluginId) {
        throw new UnsupportedOperationException("banger does not change disabled.txt; edit it or config.toml");
    }

    @Override
    public void enablePlugin(String pluginId) {
        throw new UnsupportedOperationException("banger does not change disabled.txt; edit it or config.toml");
    }
}
