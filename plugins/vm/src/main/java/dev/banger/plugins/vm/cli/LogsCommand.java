package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmLogsParams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = "Print a VM's serial console log.",
        footer = {"", "Examples:", "  banger vm logs dev", "  banger vm logs dev -f", "  banger vm logs dev --tail 50"})
final class LogsCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(paramLabel = "NAME")
    String name;
    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.")
    boolean follow;
    @Option(names = "--tail", description = "Only the last N lines.")
    Integer tail;

    LogsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.stream("vm.logs", new VmLogsParams(name, follow ? Boolean.TRUE : null, tail), e -> {
            env.out().print(e.path("data").asText());
            env.out().flush();
        });
        return 0;
    }
}
