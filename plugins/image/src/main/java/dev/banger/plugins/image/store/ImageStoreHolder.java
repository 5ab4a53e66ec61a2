package dev.banger.plugins.image.store;

import dev.banger.kernel.api.PluginHome;
import java.io.IOException;
import java.sql.SQLException;

/** Opens the store on first use, so loading the plugin (also done by the CLI) touches no database. */
public final class ImageStoreHolder {
    private ImageStore store;

    public synchronized ImageStore get(PluginHome home) throws SQLException, IOException {
        if (store == null) {
            store = ImageStore.open(home);
        }
        return store;
    }
}
