package dev.banger.kernel.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A method family contributed by a plugin ({@code vm}, {@code image}, {@code daemon}, ...).
 * Every method name must start with {@code family() + "."}; the kernel refuses to start otherwise.
 */
public interface RpcFamily extends ExtensionPoint {
    String family();

    List<Method<?, ?>> methods();

    /**
     * Called once when the daemon starts serving, on a background thread, with a context of this
     * plugin (no client; cancelled when the daemon stops). For what must happen without any call:
     * finishing or undoing what a killed daemon left half done, and watchers. Calls may arrive
     * while it runs; a plugin that must finish recovery before serving makes its calls wait for it.
     */
    default void started(CallContext ctx) throws Exception {
    }
}
