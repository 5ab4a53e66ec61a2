package dev.banger.cli.doctor;

/** One thing `banger doctor` looks at. A check never throws on a broken host: it reports. */
public interface Check {
    String name();

    CheckResult run(DoctorContext ctx);
}
