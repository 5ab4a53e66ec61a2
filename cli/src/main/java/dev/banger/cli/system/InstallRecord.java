package dev.banger.cli.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** /etc/banger/install.toml: who the install is for and which release it is. Written by install and update. */
public record InstallRecord(String owner, long uid, long gid, String version, Instant installedAt, Instant updatedAt) {
    public static Optional<InstallRecord> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode t = new TomlMapper().readTree(file.toFile());
        String updated = t.path("updated_at").asText(null);
        return Optional.of(new InstallRecord(t.path("owner").asText(), t.path("uid").asLong(), t.path("gid").asLong(),
                t.path("version").asText(), Instant.parse(t.path("installed_at").asText()),
                updated == null ? null : Instant.parse(updated)));
    }

    public InstallRecord updatedTo(String newVersion, Instant when) {
        return new InstallRecord(owner, uid, gid, newVersion, installedAt, when);
    }

    public void write(Path file) throws IOException {
        String text = "# written by `banger system install` and `banger update`; do not edit\n"
                + "owner = \"" + owner + "\"\n"
                + "uid = " + uid + "\n"
                + "gid = " + gid + "\n"
                + "version = \"" + version + "\"\n"
                + "installed_at = \"" + installedAt + "\"\n"
                + (updatedAt == null ? "" : "updated_at = \"" + updatedAt + "\"\n");
        AtomicFiles.write(file, text);
    }
}
