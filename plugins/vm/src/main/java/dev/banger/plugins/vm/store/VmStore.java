package dev.banger.plugins.vm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.banger.kernel.api.PluginHome;
import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import dev.banger.kernel.api.wire.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The vm plugin's own SQLite database: spec and runtime as JSON beside the columns lists need. */
public final class VmStore {
    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "baseline",
                    "CREATE TABLE vms (name TEXT PRIMARY KEY, state TEXT NOT NULL, image TEXT NOT NULL, vcpu INTEGER NOT NULL,"
                            + " memory_mib INTEGER NOT NULL, backend TEXT NOT NULL, created_at TEXT NOT NULL)"),
            Migration.sql(2, "spec and runtime records",
                    "DROP TABLE vms",
                    "CREATE TABLE vms (name TEXT PRIMARY KEY, state TEXT NOT NULL, spec_json TEXT NOT NULL, runtime_json TEXT NOT NULL,"
                            + " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_error TEXT)"),
            // bridge addresses and taps: the UNIQUE constraints make a double allocation impossible even if the
            // in-process lock were bypassed; ON DELETE CASCADE releases a lease together with its VM's row
            Migration.sql(3, "bridge leases",
                    "CREATE TABLE bridge_leases (vm TEXT PRIMARY KEY REFERENCES vms(name) ON DELETE CASCADE, ip TEXT NOT NULL UNIQUE,"
                            + " subnet TEXT NOT NULL, tap TEXT NOT NULL UNIQUE, bridge TEXT NOT NULL)"));
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

    /**
     * Inserts a new bridge VM and its lease in one transaction, the lease chosen while no other allocation can
     * run (the store's lock): parallel creates get distinct addresses. The row's runtime ip is the lease's.
     * Returns empty when the name is taken (nothing is written then).
     */
    public Optional<VmRecord> insertWithLease(VmRecord r, LeaseChooser chooser) throws SQLException {
        synchronized (db) {
            Connection c = db.connection();
            c.setAutoCommit(false);
            try {
                Set<String> ips = new HashSet<>();
                Set<String> taps = new HashSet<>();
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ip, tap FROM bridge_leases")) {
                    while (rs.next()) {
                        ips.add(rs.getString(1));
                        taps.add(rs.getString(2));
                    }
                }
                BridgeLease lease = chooser.choose(ips, taps);
                VmRecord withIp = r.withRuntime(r.runtime().withIp(lease.ip()));
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO vms (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, withIp);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return Optional.empty();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bridge_leases (vm, ip, subnet, tap, bridge) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, r.name());
                    ps.setString(2, lease.ip());
                    ps.setString(3, lease.subnet());
                    ps.setString(4, lease.tap());
                    ps.setString(5, lease.bridge());
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(withIp);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The bridge lease of a VM, if it has one (bridge VMs only). */
    public Optional<BridgeLease> lease(String vm) throws SQLException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT vm, ip, subnet, tap, bridge FROM bridge_leases WHERE vm = ?")) {
                ps.setString(1, vm);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new BridgeLease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))) : Optional.empty();
                }
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

    /** Deletes the row; its bridge lease goes with it (ON DELETE CASCADE), so the address is free again. */
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
