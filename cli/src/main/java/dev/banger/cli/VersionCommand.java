package dev.banger.cli;

import dev.banger.kernel.api.ApiVersion;
import dev.banger.kernel.api.wire.Protocol;
import dev.banger.kernel.core.BuildInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "version", description = "Print the CLI's version, wire protocol and kernel API version.",
        footer = {"", "Examples:", "  banger version", "  banger version --json"})
final class VersionCommand implements Callable<Integer> {
    private final DaemonConnection env;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    VersionCommand(DaemonConnection env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", BuildInfo.version());
        v.put("protocol", Protocol.VERSION);
        v.put("kernel_api", ApiVersion.CURRENT);
        v.put("java", System.getProperty("java.version"));
        java.nio.file.Path tree = dev.banger.cli.system.ReleaseInfo.currentTree();
        if (tree != null && java.nio.file.Files.exists(tree.resolve(dev.banger.cli.system.ReleaseInfo.FILE))) {
            // a tree made by scripts/make-release names its release; `banger update` compares these
            v.put("release", dev.banger.cli.system.ReleaseInfo.of(tree).version());
        }
        if (json) {
            env.printJson(v);
        } else {
            env.out().println("banger " + v.get("version") + " (protocol " + Protocol.VERSION + ", kernel API "
                    + ApiVersion.CURRENT + ", java " + v.get("java") + ")");
        }
        return 0;
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"banger " + BuildInfo.version()};
        }
    }
}
