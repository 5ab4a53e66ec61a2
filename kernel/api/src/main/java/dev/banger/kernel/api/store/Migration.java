package dev.banger.kernel.api.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One forward-only schema step; ids are dense and ordered, each runs in its own transaction. */
public record Migration(int id, String name, Step step) {
    @FunctionalInterface
    public interface Step {
        void apply(Connection c) throws SQLException;
    }

    public static Migration sql(int id, String name, String... statements) {
        return new Migration(id, name, c -> {
            try (var st = c.createStatement()) {
                for (String s : statements) {
                    st.execute(s);
                }
            }
        });
    }
}
