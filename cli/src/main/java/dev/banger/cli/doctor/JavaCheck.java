package dev.banger.cli.doctor;

/** The JVM running this CLI is the one bin/bangerd uses too (same BANGER_JAVA or PATH). */
final class JavaCheck implements Check {
    static final int MINIMUM = 17;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public CheckResult run(DoctorContext ctx) {
        int feature = Runtime.version().feature();
        String summary = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        String home = "java.home " + System.getProperty("java.home");
        if (feature < MINIMUM) {
            return CheckResult.fail(name(), summary, "install Java " + MINIMUM + " or newer (apt-get install openjdk-17-jre-headless) or set BANGER_JAVA", home);
        }
        return CheckResult.pass(name(), summary, home);
    }
}
