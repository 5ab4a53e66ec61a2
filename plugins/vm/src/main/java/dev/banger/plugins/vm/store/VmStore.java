package dev.banger.plugins.vm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.kernel.api.wire.Json;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The vm plugin's own SQLite database: spec and runtime as JSON beside the columns lists need. */
public final class VmStore {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "baseline",
                    "CREATE TABLE vms (name TEXT PRIMARY KEY, state TEXT NOT NULL, image TEXT NOT NULL, vcpu INTEGER NOT NULL,"
                            + " memory_mib INTEGER NOT NULL, backend TEXT NOT NULL, created_at TEXT NOT NULL)"),
            Migration.sql(2, "spec and runtime records",
                    "DROP TABLE vms",
                    "CREATE TABLE vms (name TEXT PRIMARY KEY, state TEXT NOT NULL, spec_json TEXT NOT NULL, runtime_json TEXT NOT NULL,"
                            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_error TEXT)"));
    private static final String COLUMNS = "name, state, spec_json, runtime_json, created_at, updated_at, last_error";

    private final SqliteStore db;

    private VmStore(SqliteStore db) {
        this.db = db;
    }

    public static VmStore open(PluginHome home) throws SQLException, IOException {
        return new VmStore(SqliteStore.open(home.dataDir().resolve("vm.db"), MIGRATIONS));
    }

    public List<VmRecord> list() throws SQLException {
        synchronized (db) {
            try (var st = db.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM vms ORDER BY name")) {
                List<VmRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    public Optional<VmRecord> find(String name) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + COLUMNS + " FROM vms WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        }
    }

    /** Inserts a new VM; false when the name is taken (the primary key decides, so parallel creates cannot both win). */
    public boolean insert(VmRecord r) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT OR IGNORE INTO vms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, r);
                return ps.executeUpdate() == 1;
            }
        }
    }

    public void update(VmRecord r) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "UPDATE vms SET state = ?, spec_json = ?, runtime_json = ?, updated_at = ?, last_error = ? WHERE name = ?")) {
                ps.setString(1, r.state());
                ps.setString(2, json(r.spec()));
                ps.setString(3, json(r.runtime()));
                ps.setString(4, r.updatedAt().toString());
                ps.setString(5, r.lastError());
                ps.setString(6, r.name());
                ps.executeUpdate();
            }
        }
    }

    public void delete(String name) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM vms WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement ps, VmRecord r) throws SQLException {
        ps.setString(1, r.name());
        ps.setString(2, r.state());
        ps.setString(3, json(r.spec()));
        ps.setString(4, json(r.runtime()));
        ps.setString(5, r.createdAt().toString());
        ps.setString(6, r.updatedAt().toString());
        ps.setString(7, r.lastError());
    }

    private static VmRecord row(ResultSet rs) throws SQLException {
        try {
            return new VmRecord(rs.getString(1), rs.getString(2), Json.mapper().readValue(rs.getString(3), VmSpec.class),
                    Json.mapper().readValue(rs.getString(4), VmRuntime.class), Instant.parse(rs.getString(5)),
                    Instant.parse(rs.getString(6)), rs.getString(7));
        } catch (JsonProcessingException e) {
            throw new SQLException("vm row " + rs.getString(1) + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object o) throws SQLException {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }
}
