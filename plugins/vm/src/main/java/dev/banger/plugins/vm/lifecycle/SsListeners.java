package dev.banger.plugins.vm.lifecycle;

import dev.banger.plugins.vm.api.GuestPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ss -H -ltnup}: one socket per line, columns Netid State Recv-Q Send-Q Local Peer [Process],
 * e.g. {@code tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=301,fd=3))}.
 */
public final class SsListeners {
    private static final Pattern PROGRAM = Pattern.compile("\\(\"([^\"]*)\",pid=");
    private static final int LOCAL = 4;
    private static final int PROCESS = 6;

    private SsListeners() {
    }

    public static List<GuestPort> parse(String ssOutput) {
        List<GuestPort> out = new ArrayList<>();
        for (String line : ssOutput.split("\n")) {
            String[] f = line.strip().split("\\s+", PROCESS + 1);
            if (f.length <= LOCAL + 1) {
                continue; // blank, or not a socket line: ss prints nothing else with -H, but a guest's ss may be odd
            }
            int colon = f[LOCAL].lastIndexOf(':');
            if (colon < 0 || !f[LOCAL].substring(colon + 1).matches("[0-9]{1,5}")) {
                continue;
            }
            String address = f[LOCAL].substring(0, colon).replace("[", "").replace("]", "");
            out.add(new GuestPort(f[0], address, Integer.parseInt(f[LOCAL].substring(colon + 1)), programs(f.length > PROCESS ? f[PROCESS] : "")));
        }
        return out;
    }

    /** A socket shared by several processes (sshd's listener after a fork) names each program once. */
    private static String programs(String processColumn) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PROGRAM.matcher(processColumn);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.isEmpty() ? null : String.join(",", names);
    }
}
