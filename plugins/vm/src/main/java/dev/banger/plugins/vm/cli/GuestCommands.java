package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.SshInfo;
import dev.banger.plugins.vm.api.VmExecParams;
import dev.banger.plugins.vm.api.VmLogsParams;
import dev.banger.plugins.vm.api.VmNameParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that talk to a guest: exec, ssh, logs (mounted under `banger vm`). */
@Command(name = "guest-commands", hidden = true)
final class GuestCommands {
    private final CliEnvironment env;

    GuestCommands(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "exec", description = "Run a command in a running VM and exit with its exit code.",
            footer = {"", "Examples:", "  banger vm exec dev -- uname -r", "  banger vm exec dev -- sh -c 'make test'"})
    int exec(@Parameters(index = "0", paramLabel = "NAME") String name,
             @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*") List<String> argv,
             @Option(names = "--timeout", description = "Seconds before the command is stopped.") Long seconds) {
        var result = env.stream("vm.exec", new VmExecParams(name, argv, seconds == null ? null : seconds * 1000), e -> {
            String data = e.path("data").asText();
            (e.path("stream").asText().equals("stderr") ? env.err() : env.out()).print(data);
        });
        env.out().flush();
        return result.path("exit_code").asInt();
    }

    @Command(name = "ssh", description = "Open an interactive ssh session in a running VM (banger's key and known_hosts).")
    int ssh(@Parameters(index = "0", paramLabel = "NAME") String name,
            @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*") List<String> command) throws IOException, InterruptedException {
        SshInfo i = env.call("vm.ssh", new VmNameParams(name), SshInfo.class);
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", i.identity(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + i.knownHosts(), "-o", "StrictHostKeyChecking=yes", "-o", "GlobalKnownHostsFile=/dev/null",
                "-p", Integer.toString(i.port()), i.user() + "@" + i.host()));
        if (command != null && !command.isEmpty()) {
            argv.add("--");
            argv.addAll(command);
        }
        return new ProcessBuilder(argv).inheritIO().start().waitFor();
    }

    @Command(name = "logs", description = "Print a VM's serial console log.",
            footer = {"", "Examples:", "  banger vm logs dev", "  banger vm logs dev -f", "  banger vm logs dev --tail 50"})
    int logs(@Parameters(paramLabel = "NAME") String name,
             @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.") boolean follow,
             @Option(names = "--tail", description = "Only the last N lines.") Integer tail) {
        env.stream("vm.logs", new VmLogsParams(name, follow ? Boolean.TRUE : null, tail), e -> env.out().print(e.path("data").asText()));
        env.out().flush();
        return 0;
    }
}
