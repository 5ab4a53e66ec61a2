package dev.banger.plugins.vm.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The network namespace bridge VMs live in when {@code [vm] netns} is set (a test/confinement option,
 * matching the helper's {@code netns}): the VMM and every connection to a bridge guest (ssh, the
 * readiness probe) are started through {@code nsenter --net=/run/netns/NAME}, because the guests'
 * addresses exist only in there. Unix sockets (QMP, console, guest channel) are paths and work across
 * namespaces. nsenter needs CAP_SYS_ADMIN, so this option is for a daemon running as root.
 */
public record NetnsEntry(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public NetnsEntry {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config.toml [vm] netns: not a network namespace name: " + name);
        }
    }

    public static NetnsEntry none() {
        return new NetnsEntry(null);
    }

    public boolean active() {
        return name != null;
    }

    /** {@code argv} itself, or {@code nsenter --net=/run/netns/NAME argv...} (nsenter execs it in place: same pid). */
    public List<String> wrap(List<String> argv) {
        if (!active()) {
            return argv;
        }
        List<String> out = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + name));
        out.addAll(argv);
        return List.copyOf(out);
    }
}
