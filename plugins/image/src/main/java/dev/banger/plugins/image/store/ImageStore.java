package dev.banger.plugins.image.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.kernel.api.wire.Json;
import dev.banger.plugins.image.api.GuestInfo;
import dev.banger.plugins.image.api.ImageSummary;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The image plugin's own SQLite database. Kernels live as files (kernel.json) beside their images. */
public final class ImageStore {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "baseline",
                    "CREATE TABLE images (name TEXT PRIMARY KEY, source TEXT NOT NULL, size_bytes INTEGER NOT NULL, created_at TEXT NOT NULL)",
                    "CREATE TABLE kernels (name TEXT PRIMARY KEY, version TEXT NOT NULL, source TEXT NOT NULL, created_at TEXT NOT NULL)"),
            Migration.sql(2, "image artifacts; kernels move to kernel.json files",
                    "ALTER TABLE images ADD COLUMN digest TEXT",
                    "ALTER TABLE images ADD COLUMN rootfs TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE images ADD COLUMN content_bytes INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE images ADD COLUMN guest_json TEXT NOT NULL DEFAULT '{}'",
                    "DROP TABLE kernels"));
    private static final String COLUMNS = "name, source, digest, rootfs, size_bytes, content_bytes, guest_json, created_at";

    private final SqliteStore db;

    private ImageStore(SqliteStore db) {
        this.db = db;
    }

    public static ImageStore open(PluginHome home) throws SQLException, IOException {
        return new ImageStore(SqliteStore.open(home.dataDir().resolve("image.db"), MIGRATIONS));
    }

    public List<ImageSummary> list() throws SQLException {
        synchronized (db) {
            try (var st = db.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM images ORDER BY name")) {
                List<ImageSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    public Optional<ImageSummary> find(String name) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS + " FROM images WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        }
    }

    public void insert(ImageSummary i) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO images (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, i.name());
                ps.setString(2, i.source());
                ps.setString(3, i.digest());
                ps.setString(4, i.rootfs());
                ps.setLong(5, i.sizeBytes());
                ps.setLong(6, i.contentBytes());
                ps.setString(7, json(i.guest()));
                ps.setString(8, i.createdAt().toString());
                ps.executeUpdate();
            }
        }
    }

    public boolean delete(String name) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM images WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        }
    }

    private static ImageSummary row(ResultSet rs) throws SQLException {
        try {
            return new ImageSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                    Json.mapper().readValue(rs.getString(7), GuestInfo.class), Instant.parse(rs.getString(8)));
        } catch (JsonProcessingException e) {
            throw new SQLException("images.guest_json of " + rs.getString(1) + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(GuestInfo g) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(g);
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }
}
