package dev.banger.plugins.vm.cli;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.plugins.vm.api.VmExecParams;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "exec", description = "Run a command in a running VM, streaming its output; exits with its exit code.",
        footer = {"", "Examples:", "  banger vm exec dev -- uname -r", "  banger vm exec dev -- sh -c 'cd /work && make test'"})
final class ExecCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*")
    List<String> argv;
    @Option(names = "--timeout", description = "Seconds before the command is stopped.")
    Long seconds;
    @Option(names = "--cwd", paramLabel = "DIR", description = "Run in this guest directory (e.g. /root/repo after `vm workspace prepare`).")
    String cwd;

    ExecCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        var result = env.stream("vm.exec", new VmExecParams(name, argv, seconds == null ? null : seconds * 1000, cwd), e -> {
            var sink = e.path("stream").asText().equals("stderr") ? env.err() : env.out();
            sink.print(e.path("data").asText());
            sink.flush();
        });
        return result.path("exit_code").asInt();
    }
}
