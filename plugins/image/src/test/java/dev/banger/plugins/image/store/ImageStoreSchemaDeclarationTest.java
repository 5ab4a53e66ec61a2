package dev.banger.plugins.image.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.banger.kernel.api.store.Migration;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** `banger update` reads META-INF/banger/schemas.properties to judge schema compatibility: it must match MIGRATIONS. */
class ImageStoreSchemaDeclarationTest {
    @Test
    void theDeclaredSchemaIsTheHighestMigration() throws Exception {
        Properties declared = new Properties();
        try (InputStream in = ImageStore.class.getResourceAsStream("/META-INF/banger/schemas.properties")) {
            declared.load(in);
        }
        int highest = ImageStore.MIGRATIONS.stream().mapToInt(Migration::id).max().orElseThrow();
        assertThat(declared.getProperty("image.db")).isEqualTo(Integer.toString(highest));
    }
}
