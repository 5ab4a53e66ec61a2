package dev.banger.plugins.vm.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.store.Migration;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** `banger update` reads META-INF/banger/schemas.properties to judge schema compatibility: it must match MIGRATIONS. */
class VmStoreSchemaDeclarationTest {
    @Test
    void theDeclaredSchemaIsTheHighestMigration() throws Exception {
        Properties declared = new Properties();
        try (InputStream in = VmStore.class.getResourceAsStream("/META-INF/banger/schemas.properties")) {
            declared.load(in);
        }
        int highest = VmStore.MIGRATIONS.stream().mapToInt(Migration::id).max().orElseThrow();
        assertThat(declared.getProperty("vm.db")).isEqualTo(Integer.toString(highest));
    }
}
