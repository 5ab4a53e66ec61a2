package dev.banger.kernel.api;

import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The CLI commands a plugin contributes: picocli-annotated command objects, mounted under
 * {@code banger}. A disabled plugin's commands disappear with it.
 */
public interface CliCommands extends ExtensionPoint {
    List<Object> commands(CliEnvironment env);
}
