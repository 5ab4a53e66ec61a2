package dev.banger.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What `banger system status` shows: the install record, both services and both sockets. */
final class SystemStatus {
    private SystemStatus() {
    }

    static Map<String, Object> collect(InstallPaths paths) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        Optional<InstallRecord> record = InstallRecord.read(paths.installToml());
        s.put("installed", record.isPresent());
        s.put("root", paths.root().toString());
        s.put("tree", paths.tree().toString());
        record.ifPresent(r -> {
            s.put("version", r.version());
            s.put("owner", r.owner() + " (uid " + r.uid() + ")");
            s.put("installed_at", r.installedAt().toString());
            s.put("updated_at", r.updatedAt() == null ? "-" : r.updatedAt().toString());
        });
        s.put("previous", Files.isDirectory(paths.previousTree()) ? ReleaseInfo.of(paths.previousTree()).version() + " at " + paths.previousTree() : "-");
        boolean systemd = Systemd.manages(paths);
        s.put("service_manager", systemd ? "systemd" : "background (" + Systemd.whyNot(paths) + ")");
        BackgroundServices bg = new BackgroundServices(paths, System.out);
        for (Service svc : Service.values()) {
            s.put(svc.binary(), systemd ? Systemd.state(svc.unit()) : bg.running(svc).map(h -> "running (pid " + h.pid() + ")").orElse("stopped"));
        }
        s.put("daemon_socket", socket(paths.daemonSocket(), "daemon.ping"));
        s.put("helper_socket", socket(paths.helperSocket(), "priv.ping"));
        return s;
    }

    private static String socket(Path socket, String ping) throws IOException {
        if (!Files.exists(socket)) {
            return socket + " (absent)";
        }
        PosixFileAttributes a = Files.readAttributes(socket, PosixFileAttributes.class);
        return socket + " " + PosixFilePermissions.toString(a.permissions()) + " " + a.owner().getName()
                + (SocketProbe.answers(socket, ping) ? ", answers" : ", not answering");
    }
}
