package dev.banger.plugins.image.store;

import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.plugins.image.api.ImageSummary;
import dev.banger.plugins.image.api.KernelSummary;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The image plugin's own SQLite database: images and kernels. */
public final class ImageStore {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "baseline",
                    "CREATE TABLE images (name TEXT PRIMARY KEY, source TEXT NOT NULL, size_bytes INTEGER NOT NULL, created_at TEXT NOT NULL)",
                    "CREATE TABLE kernels (name TEXT PRIMARY KEY, version TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL)"));

    private final SqliteStore db;

    private ImageStore(SqliteStore db) {
        this.db = db;
    }

    public static ImageStore open(PluginHome home) throws SQLException, IOException {
        return new ImageStore(SqliteStore.open(home.dataDir().resolve("image.db"), MIGRATIONS));
    }

    public List<ImageSummary> images() throws SQLException {
        synchronized (db) {
            try (var st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, source, size_bytes, created_at FROM images ORDER BY name")) {
                List<ImageSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ImageSummary(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.parse(rs.getString(4))));
                }
                return out;
            }
        }
    }

    public List<KernelSummary> kernels() throws SQLException {
        synchronized (db) {
            try (var st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, version, source, created_at FROM kernels ORDER BY name")) {
                List<KernelSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new KernelSummary(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
                }
                return out;
            }
        }
    }
}
