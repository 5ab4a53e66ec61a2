package dev.banger.kernel.core.ops;

import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.kernel.api.wire.Json;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The operation journal in {@code <state>/operations.db}: one row per operation, its summary as JSON. */
public final class SqliteOperationJournal implements OperationJournal, AutoCloseable {
    private static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "operations",
            "CREATE TABLE operations (id TEXT PRIMARY KEY, done INTEGER NOT NULL, updated_at TEXT NOT NULL, summary_json TEXT NOT NULL)"));
    private final SqliteStore db;

    private SqliteOperationJournal(SqliteStore db) {
        this.db = db;
    }

    public static SqliteOperationJournal open(Path file) throws Exception {
        return new SqliteOperationJournal(SqliteStore.open(file, MIGRATIONS));
    }

    @Override
    public void save(OperationSummary op) throws Exception {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "INSERT OR REPLACE INTO operations (id, done, updated_at, summary_json) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, op.id());
                ps.setInt(2, op.done() ? 1 : 0);
                ps.setString(3, op.updatedAt().toString());
                ps.setString(4, Json.mapper().writeValueAsString(op));
                ps.executeUpdate();
            }
        }
    }

    @Override
    public List<OperationSummary> load() throws Exception {
        synchronized (db) {
            List<OperationSummary> out = new ArrayList<>();
            try (var st = db.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT summary_json FROM operations")) {
                while (rs.next()) {
                    out.add(Json.mapper().readValue(rs.getString(1), OperationSummary.class));
                }
            }
            return out;
        }
    }

    @Override
    public void prune(Instant cutoff) throws Exception {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM operations WHERE done = 1 AND updated_at < ?")) {
                ps.setString(1, cutoff.toString());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
