package dev.banger.cli.doctor;

/** A check's verdict. Only FAIL makes `banger doctor` exit non-zero: WARN means "works, with a limit". */
public enum Status { PASS, WARN, FAIL }
