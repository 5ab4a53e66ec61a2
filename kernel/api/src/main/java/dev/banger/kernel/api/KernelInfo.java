package dev.banger.kernel.api;

import java.time.Instant;
import java.util.List;

/** What the kernel tells plugins about itself (used by the daemon.* family). */
public interface KernelInfo {
    String version();

    long pid();

    Instant startedAt();

    List<PluginInfo> plugins();

    /** Asks the daemon to stop cleanly once the current response is written. */
    void requestShutdown();
}
