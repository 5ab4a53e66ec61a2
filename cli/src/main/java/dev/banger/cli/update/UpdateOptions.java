package dev.banger.cli.update;

import java.nio.file.Path;

/** What `banger update` was asked to do. */
record UpdateOptions(Path release, boolean checkOnly, boolean dryRun, boolean force) {
}
