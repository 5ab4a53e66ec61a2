package dev.banger.cli.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Can the new plugins open today's databases? A plugin's SqliteStore records each applied migration
 * in its database's {@code schema_migrations} table and refuses a database holding a migration it
 * does not know (a downgrade). Each plugin jar declares, in {@code META-INF/banger/schemas.properties},
 * the highest migration id it knows per database file ({@code image.db=2}); a unit test in the plugin
 * keeps that in step with its migration list. The rule: for every {@code <state>/<plugin-id>/<file>.db},
 * the staged plugin with that id must declare {@code <file>.db} at least as high as the live
 * database's highest applied migration. Newer is fine (it migrates forward on first open).
 */
final class SchemaCompatibility {
    static final String DECLARATION = "META-INF/banger/schemas.properties";

    private SchemaCompatibility() {
    }

    /** Returns one line per live database, e.g. "vm/vm.db: live 2, new release 2"; refuses on the first incompatibility. */
    static List<String> check(Path stagedPlugins, Path stateDir) throws IOException, UpdateRefused {
        Map<String, Properties> declared = declarations(stagedPlugins);
        List<String> report = new ArrayList<>();
        if (!Files.isDirectory(stateDir)) {
            return report;
        }
        try (Stream<Path> plugins = Files.list(stateDir)) {
            for (Path pluginDir : plugins.filter(Files::isDirectory).sorted().toList()) {
                String id = pluginDir.getFileName().toString();
                try (Stream<Path> dbs = Files.list(pluginDir)) {
                    for (Path db : dbs.filter(p -> p.toString().endsWith(".db")).sorted().toList()) {
                        report.add(compare(id, db, declared.get(id)));
                    }
                }
            }
        }
        return report;
    }

    private static String compare(String plugin, Path db, Properties declared) throws UpdateRefused {
        String name = plugin + "/" + db.getFileName();
        int live = liveVersion(db);
        if (declared == null) {
            throw new UpdateRefused(name + " (schema " + live + ") belongs to plugin '" + plugin + "', which the new release does not ship; "
                    + "its data would be left unreadable");
        }
        String value = declared.getProperty(db.getFileName().toString());
        if (value == null) {
            throw new UpdateRefused(name + ": plugin '" + plugin + "' in the new release declares no schema for " + db.getFileName());
        }
        int staged = Integer.parseInt(value.strip());
        if (staged < live) {
            throw new UpdateRefused(name + " is at schema " + live + " but the new release's plugin '" + plugin + "' knows only up to "
                    + staged + ": it would refuse to open it (a downgrade)");
        }
        return name + ": live schema " + live + ", new release " + staged + (staged > live ? " (migrates forward on first use)" : "");
    }

    static int liveVersion(Path db) throws UpdateRefused {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: preflight never writes
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, readOnly);
             ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(id), 0) FROM schema_migrations")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new UpdateRefused("cannot read the schema version of " + db + ": " + e.getMessage());
        }
    }

    /** plugin id → its declared schema versions, for every jar in the staged plugins directory. */
    private static Map<String, Properties> declarations(Path plugins) throws IOException {
        Map<String, Properties> byId = new HashMap<>();
        if (!Files.isDirectory(plugins)) {
            return byId;
        }
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile f = new JarFile(jar.toFile())) {
                    String id = f.getManifest() == null ? null : f.getManifest().getMainAttributes().getValue("Plugin-Id");
                    var entry = f.getEntry(DECLARATION);
                    Properties p = new Properties();
                    if (entry != null) {
                        try (InputStream in = f.getInputStream(entry)) {
                            p.load(in);
                        }
                    }
                    if (id != null) {
                        byId.put(id, p);
                    }
                }
            }
        }
        return byId;
    }
}
