package dev.banger.testplugins.demo;

import dev.banger.kernel.api.CliCommands;
import dev.banger.kernel.api.cli.CliEnvironment;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Extension
public final class DemoCliCommands implements CliCommands {
    @Override
    public List<Object> commands(CliEnvironment env) {
        return List.of(new DemoCommand(env));
    }

    @Command(name = "demo", description = "Demo commands from a dropped-in plugin.")
    static final class DemoCommand {
        private final CliEnvironment env;

        DemoCommand(CliEnvironment env) {
            this.env = env;
        }

        @Command(name = "echo", description = "Echo text through the daemon.")
        int echo(@Parameters(paramLabel = "TEXT") String text) {
            env.out().println(env.call("demo.echo", new DemoFamily.EchoParams(text, 1), DemoFamily.EchoResult.class).text());
            return 0;
        }
    }
}
