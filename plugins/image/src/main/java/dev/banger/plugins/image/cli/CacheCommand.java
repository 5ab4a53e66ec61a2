package dev.banger.plugins.image.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.Sizes;
import dev.banger.plugins.image.api.CachePruneParams;
import dev.banger.plugins.image.api.CachePruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cache", description = "The OCI blob cache.",
        footer = {"", "Examples:", "  banger image cache prune --dry-run", "  banger image cache prune"})
final class CacheCommand {
    private final CliEnvironment env;

    CacheCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "prune", description = "Delete every cached blob (images already built are not affected).")
    int prune(@Option(names = "--dry-run", description = "Only say what would be freed.") boolean dryRun,
              @Option(names = "--json", description = "Print JSON.") boolean json) {
        CachePruneResult r = env.call("image.cache.prune", new CachePruneParams(dryRun), CachePruneResult.class);
        if (json) {
            env.printJson(r);
        } else {
            env.out().printf("%s %s across %d blob(s) in %s%n", r.dryRun() ? "would free" : "freed", Sizes.human(r.bytesFreed()), r.blobsFreed(), r.cacheDir());
        }
        return 0;
    }
}
