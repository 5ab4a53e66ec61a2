package dev.banger.plugins.ops.cli;

import dev.banger.kernel.api.OperationSummary;
import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.ExitCodes;
import dev.banger.kernel.api.cli.Table;
import dev.banger.plugins.ops.api.OperationIdParams;
import dev.banger.plugins.ops.api.OperationWaitParams;
import dev.banger.plugins.ops.api.OperationsListParams;
import dev.banger.plugins.ops.api.OperationsListResult;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ops", description = "Async operations (image pulls, VM creates): list, show, wait, cancel.",
        mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  banger ops list --active", "  banger ops wait op-3f2a9c0d1e2b4a5c --timeout-ms 120000",
                "  banger ops cancel op-3f2a9c0d1e2b4a5c"})
public final class OpsCommand {
    private final CliEnvironment env;

    OpsCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(name = "list", description = "List known operations (finished ones are kept for an hour).")
    int list(@Option(names = "--active", description = "Only operations not yet done.") boolean active,
             @Option(names = "--json", description = "Print JSON.") boolean json) {
        OperationsListResult r = env.call("daemon.operations.list", new OperationsListParams(active), OperationsListResult.class);
        if (json) {
            env.printJson(r);
            return 0;
        }
        Table t = Table.of("ID", "KIND", "STAGE", "PROGRESS", "DONE", "ERROR", "UPDATED");
        for (OperationSummary s : r.operations()) {
            t.row(s.id(), s.kind(), s.stage(), percent(s.progress()), s.done() ? "yes" : "no",
                    s.error() == null ? null : s.error().code().wire(), s.updatedAt());
        }
        t.print(env.out());
        return 0;
    }

    @Command(name = "show", description = "Show one operation.")
    int show(@Parameters(paramLabel = "ID") String id, @Option(names = "--json", description = "Print JSON.") boolean json) {
        return print(env.call("daemon.operations.get", new OperationIdParams(id), OperationSummary.class), json);
    }

    @Command(name = "wait", description = "Wait until an operation is done; exits non-zero if it failed.")
    int await(@Parameters(paramLabel = "ID") String id,
              @Option(names = "--timeout-ms", defaultValue = "30000", description = "Give up after this long (default ${DEFAULT-VALUE}).") long timeoutMs,
              @Option(names = "--json", description = "Print JSON.") boolean json) {
        OperationSummary s = env.call("daemon.operations.wait", new OperationWaitParams(id, timeoutMs), OperationSummary.class);
        print(s, json);
        return !s.done() ? ExitCodes.TIMED_OUT : s.error() == null ? ExitCodes.OK : ExitCodes.of(s.error().code());
    }

    @Command(name = "cancel", description = "Ask an operation to stop; it cleans up what it made.")
    int cancel(@Parameters(paramLabel = "ID") String id, @Option(names = "--json", description = "Print JSON.") boolean json) {
        return print(env.call("daemon.operations.cancel", new OperationIdParams(id), OperationSummary.class), json);
    }

    private int print(OperationSummary s, boolean json) {
        if (json) {
            env.printJson(s);
            return 0;
        }
        PrintStream out = env.out();
        out.println("id:        " + s.id());
        out.println("kind:      " + s.kind());
        out.println("stage:     " + s.stage());
        out.println("progress:  " + percent(s.progress()));
        out.println("done:      " + (s.done() ? "yes" : "no"));
        out.println("started:   " + s.startedAt());
        out.println("updated:   " + s.updatedAt());
        if (s.error() != null) {
            out.println("error:     " + s.error().code().wire() + ": " + s.error().message());
        }
        return 0;
    }

    private static String percent(double p) {
        return p < 0 ? "-" : Math.round(p * 100) + "%";
    }
}
