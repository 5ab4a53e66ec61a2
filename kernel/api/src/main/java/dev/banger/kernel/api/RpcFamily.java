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
}
