package dev.banger.cli.doctor;

import dev.banger.kernel.core.config.DaemonSettings;

/** What the checks share: the resolved paths and one connection attempt to the daemon. */
public final class DoctorContext {
    private final DaemonSettings settings;
    private final DaemonProbe daemon;

    public DoctorContext(DaemonSettings settings) {
        this.settings = settings;
        this.daemon = new DaemonProbe(settings.socket());
    }

    public DaemonSettings settings() {
        return settings;
    }

    public DaemonProbe daemon() {
        return daemon;
    }
}
