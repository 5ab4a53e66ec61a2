package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.Method;
import dev.banger.kernel.api.RpcFamily;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one method table, built once at start and never changed: method name → handler and the
 * plugin that contributed it. Also remembers which families belong to disabled plugins, so a call
 * to one gets an unknown_method that says why.
 */
public final class DispatchTable {
    public record Entry(String pluginId, Method<?, ?> method) {
    }

    private final Map<String, Entry> methods;
    private final Map<String, String> disabledFamilies;

    private DispatchTable(Map<String, Entry> methods, Map<String, String> disabledFamilies) {
        this.methods = Collections.unmodifiableMap(methods);
        this.disabledFamilies = Collections.unmodifiableMap(disabledFamilies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Entry> find(String method) {
        return Optional.ofNullable(methods.get(method));
    }

    /** The disabled plugin that owns {@code method}'s family, if any. */
    public Optional<String> disabledOwner(String method) {
        int dot = method.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(disabledFamilies.get(method.substring(0, dot)));
    }

    public Map<String, Entry> methods() {
        return methods;
    }

    public static final class Builder {
        private final Map<String, Entry> methods = new TreeMap<>();
        private final Map<String, String> disabled = new LinkedHashMap<>();

        /** Adds a family; a method already contributed by another plugin is a start-up error naming both. */
        public Builder add(String pluginId, RpcFamily family) throws TableException {
            String prefix = family.family() + ".";
            List<Method<?, ?>> list = family.methods();
            if (list == null || list.isEmpty()) {
                throw new TableException("plugin '" + pluginId + "' contributes family '" + family.family() + "' with no methods");
            }
            for (Method<?, ?> m : list) {
                if (!m.name().startsWith(prefix)) {
                    throw new TableException("plugin '" + pluginId + "' contributes method '" + m.name()
                            + "' outside its family '" + family.family() + "' (names must start with '" + prefix + "')");
                }
                Entry existing = methods.get(m.name());
                if (existing != null) {
                    throw new TableException("method '" + m.name() + "' is contributed by both plugin '"
                            + existing.pluginId() + "' and plugin '" + pluginId + "'; disable one of them");
                }
                methods.put(m.name(), new Entry(pluginId, m));
            }
            return this;
        }

        public Builder disabledFamily(String family, String pluginId) {
            disabled.put(family, pluginId);
            return this;
        }

        public DispatchTable build() {
            // a family served by an enabled plugin is not "disabled" just because another plugin also declares it
            methods.keySet().forEach(m -> disabled.remove(m.substring(0, m.indexOf('.'))));
            return new DispatchTable(methods, disabled);
        }
    }

    public static class TableException extends Exception {
        public TableException(String message) {
            super(message);
        }
    }
}
