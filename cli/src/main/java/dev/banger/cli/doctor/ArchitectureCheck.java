package dev.banger.cli.doctor;

/** banger's VMMs, kernels and images are built for x86_64; arm64 hosts are untested. */
final class ArchitectureCheck implements Check {
    @Override
    public String name() {
        return "architecture";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> CheckResult.pass(name(), "x86_64");
            case "aarch64", "arm64" -> CheckResult.warn(name(), "aarch64",
                    "use an x86_64 host for now", "the default kernel and image are built for x86_64 only");
            default -> CheckResult.fail(name(), arch, "banger runs on x86_64 Linux hosts",
                    "no VMM, kernel or image banger knows runs on " + arch);
        };
    }
}
