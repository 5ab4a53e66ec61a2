package dev.banger.kernel.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plugin's own SQLite database (WAL, busy timeout, foreign keys) with ordered, forward-only
 * migrations. Shared by the image and vm plugins so neither re-implements it; no shared schema.
 * One connection, used under this object's monitor: SQLite serialises writers anyway.
 */
public final class SqliteStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteStore open(Path file, List<Migration> migrations) throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA busy_timeout=5000");
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        SqliteStore store = new SqliteStore(file, c);
        store.migrate(migrations);
        return store;
    }

    private void migrate(List<Migration> migrations) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT id FROM schema_migrations")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        int known = migrations.stream().mapToInt(Migration::id).max().orElse(0);
        for (int id : applied) {
            if (id > known) {
                throw new SQLException(file + " has migration " + id + " which this banger does not know: it was written by a newer version");
            }
        }
        for (Migration m : migrations) {
            if (applied.contains(m.id())) {
                continue;
            }
            connection.setAutoCommit(false);
            try {
                m.step().apply(connection);
                try (var ps = connection.prepareStatement("INSERT INTO schema_migrations(id, name, applied_at) VALUES (?, ?, datetime('now'))")) {
                    ps.setInt(1, m.id());
                    ps.setString(2, m.name());
                    ps.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + m.id() + " (" + m.name() + ") failed on " + file + ": " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The connection, for use inside {@code synchronized (store)}. */
    public Connection connection() {
        return connection;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
