package dev.banger.cli.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs every check in a fixed order; a check that crashes is reported as FAIL, never propagated. */
public final class Doctor {
    static final List<Check> CHECKS = List.of(new ArchitectureCheck(), new JavaCheck(), new QemuCheck(),
            new AcceleratorCheck(), new FirecrackerCheck(), new E2fsprogsCheck(), new RootfsBuilderCheck(),
            new SshCheck(), new DaemonCheck(), new HelperCheck(), new DiskSpaceCheck(), new DefaultArtifactsCheck());

    private Doctor() {
    }

    public static List<CheckResult> run(DoctorContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : CHECKS) {
            try {
                results.add(check.run(ctx));
            } catch (RuntimeException e) {
                results.add(CheckResult.fail(check.name(), "check crashed", "report this as a banger bug", e.toString()));
            }
        }
        return results;
    }
}
