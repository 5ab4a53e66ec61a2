package dev.banger.plugins.vm.store;

import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.plugins.vm.api.VmSummary;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The vm plugin's own SQLite database. */
public final class VmStore {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "baseline",
                    "CREATE TABLE vms (name TEXT PRIMARY KEY, state TEXT NOT NULL, image TEXT NOT NULL, vcpu INTEGER NOT NULL,"
                            + " memory_mib INTEGER NOT NULL, backend TEXT NOT NULL, created_at TEXT NOT NULL)"));

    private final SqliteStore db;

    private VmStore(SqliteStore db) {
        this.db = db;
    }

    public static VmStore open(PluginHome home) throws SQLException, IOException {
        return new VmStore(SqliteStore.open(home.dataDir().resolve("vm.db"), MIGRATIONS));
    }

    public List<VmSummary> list() throws SQLException {
        synchronized (db) {
            try (var st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, state, image, vcpu, memory_mib, backend, created_at FROM vms ORDER BY name")) {
                List<VmSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new VmSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), Instant.parse(rs.getString(7))));
                }
                return out;
            }
        }
    }
}
