package dev.banger.kernel.core.rpc;

import dev.banger.kernel.api.HelperClient;
import dev.banger.kernel.api.KernelInfo;
import dev.banger.kernel.api.Operations;
import dev.banger.kernel.api.PluginHome;

/** What the dispatcher hands each call context besides the call itself. */
public interface KernelServices {
    Operations operations();

    KernelInfo kernel();

    PluginHome home(String pluginId);

    /** A helper client that forwards {@code opId}. */
    HelperClient helper(String opId);
}
