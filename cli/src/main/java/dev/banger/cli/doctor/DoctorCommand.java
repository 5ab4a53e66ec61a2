package dev.banger.cli.doctor;

import dev.banger.kernel.api.cli.CliEnvironment;
import dev.banger.kernel.api.cli.ExitCodes;
import dev.banger.kernel.core.config.DaemonSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `banger doctor`: checks the host and the daemon; never starts or changes anything. */
@Command(name = "doctor", description = "Check that this host can run banger, and say how to fix what is missing.",
        footer = {"", "One line per check: PASS, WARN (works, with a limit) or FAIL. Exit 1 when any check FAILs.",
                "", "Examples:", "  banger doctor", "  banger doctor --json | jq '.checks[] | select(.status != \"PASS\")'",
                "  banger --system doctor        # the system daemon (after `banger system install`)"})
public final class DoctorCommand implements Callable<Integer> {
    private final CliEnvironment env;
    private final DaemonSettings settings;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public DoctorCommand(CliEnvironment env, DaemonSettings settings) {
        this.env = env;
        this.settings = settings;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DoctorContext ctx = new DoctorContext(settings);
        List<CheckResult> results;
        try (DaemonProbe ignored = ctx.daemon()) {
            results = Doctor.run(ctx);
        }
        DoctorReport report = new DoctorReport(results, (System.nanoTime() - start) / 1_000_000);
        if (json) {
            env.printJson(report.json());
        } else {
            report.printText(env.out());
        }
        return report.failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
