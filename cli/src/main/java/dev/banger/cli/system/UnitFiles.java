package dev.banger.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The systemd units, filled in from the templates the dist tree ships (systemd/*.service): the
 * install root, the owner, and BANGER_ROOT when the install lives under a prefix.
 */
final class UnitFiles {
    static final List<String> UNITS = List.of("bangerd-root.service", "bangerd.service");

    private UnitFiles() {
    }

    /** Writes both units; returns the ones whose content changed (none on a re-run). */
    static List<Path> write(InstallPaths paths, OwnerAccount owner) throws IOException {
        List<Path> changed = new ArrayList<>();
        for (String unit : UNITS) {
            String text = render(Files.readString(paths.tree().resolve("systemd").resolve(unit)), paths, owner);
            Path file = paths.unitDir().resolve(unit);
            if (!AtomicFiles.same(file, text)) {
                AtomicFiles.write(file, text);
                changed.add(file);
            }
        }
        return changed;
    }

    static String render(String template, InstallPaths paths, OwnerAccount owner) {
        String environment = paths.realRoot() ? "" : "Environment=BANGER_ROOT=" + paths.root() + "\n";
        return template.replace("@BANGER_HOME@", paths.tree().toString())
                .replace("@OWNER@", owner.name())
                .replace("@ETC@", paths.etcDir().toString())
                .replace("@ENVIRONMENT@\n", environment);
    }

    static void remove(InstallPaths paths) throws IOException {
        for (String unit : UNITS) {
            Files.deleteIfExists(paths.unitDir().resolve(unit));
        }
    }
}
