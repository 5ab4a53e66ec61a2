package dev.banger.cli.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.banger.kernel.api.store.Migration;
import dev.banger.kernel.api.store.SqliteStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityTest {
    @TempDir
    Path dir;

    /** A live image.db with migrations 1..applied, as the image plugin's SqliteStore leaves it. */
    private Path state(int applied) throws Exception {
        Path state = dir.resolve("state");
        List<Migration> ms = new java.util.ArrayList<>();
        for (int i = 1; i <= applied; i++) {
            ms.add(Migration.sql(i, "m" + i, "CREATE TABLE t" + i + " (x)"));
        }
        SqliteStore.open(state.resolve("image/image.db"), ms).close();
        return state;
    }

    /** A staged plugins dir holding a jar with Plugin-Id and, if given, a schemas.properties. */
    private Path plugins(String id, String declaration) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins-" + id + "-" + (declaration == null ? "none" : declaration.hashCode())));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Plugin-Id", id);
        try (OutputStream out = Files.newOutputStream(plugins.resolve("banger-plugin-" + id + ".jar"));
             JarOutputStream jar = new JarOutputStream(out, mf)) {
            if (declaration != null) {
                jar.putNextEntry(new JarEntry(SchemaCompatibility.DECLARATION));
                jar.write(declaration.getBytes());
                jar.closeEntry();
            }
        }
        return plugins;
    }

    @Test
    void sameOrNewerSchemaIsCompatible() throws Exception {
        Path state = state(2);
        assertThat(SchemaCompatibility.check(plugins("image", "image.db=2\n"), state)).containsExactly("image/image.db: live schema 2, new release 2");
        assertThat(SchemaCompatibility.check(plugins("image", "image.db=3\n"), state))
                .containsExactly("image/image.db: live schema 2, new release 3 (migrates forward on first use)");
    }

    @Test
    void anOlderSchemaAMissingPluginOrDeclarationIsRefused() throws Exception {
        Path state = state(2);
        assertThatThrownBy(() -> SchemaCompatibility.check(plugins("image", "image.db=1\n"), state)).isInstanceOf(UpdateRefused.class)
                .hasMessageContaining("image/image.db is at schema 2 but the new release's plugin 'image' knows only up to 1");
        assertThatThrownBy(() -> SchemaCompatibility.check(plugins("vm", "vm.db=2\n"), state))
                .hasMessageContaining("belongs to plugin 'image', which the new release does not ship");
        assertThatThrownBy(() -> SchemaCompatibility.check(plugins("image", null), state))
                .hasMessageContaining("declares no schema for image.db");
    }

    @Test
    void noStateYetIsCompatible() throws Exception {
        assertThat(SchemaCompatibility.check(plugins("image", "image.db=2\n"), dir.resolve("nothing"))).isEmpty();
    }
}
