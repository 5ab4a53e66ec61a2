package dev.banger.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * bangerd answers, and its socket is private: 0600 in a 0700 directory. Anything looser lets other
 * users drive the daemon (and through it, VMs and the helper).
 */
final class DaemonCheck implements Check {
    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        String down = ctx.daemon().unreachableReason();
        if (down != null) {
            return CheckResult.fail(name(), "not reachable", DaemonProbe.startHint(), down);
        }
        JsonNode ping = ctx.daemon().call("daemon.ping");
        Path socket = ctx.daemon().socket();
        String summary = "bangerd " + ping.path("version").asText() + " (pid " + ping.path("pid").asLong() + ")";
        try {
            String fileMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket));
            String dirMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()));
            String detail = "socket " + socket + " " + fileMode + ", directory " + dirMode;
            if (!fileMode.equals("rw-------") || !dirMode.equals("rwx------")) {
                return CheckResult.fail(name(), summary + ", socket too open",
                        "restart bangerd (it sets 0600/0700 at start) and check nothing chmods " + socket.getParent(), detail);
            }
            return CheckResult.pass(name(), summary, detail, "plugins: " + ping.path("plugins"));
        } catch (IOException e) {
            return CheckResult.fail(name(), summary + ", socket mode unreadable", "check " + socket, e.toString());
        }
    }
}
