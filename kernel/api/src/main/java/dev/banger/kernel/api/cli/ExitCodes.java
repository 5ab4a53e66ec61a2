package dev.banger.kernel.api.cli;

import dev.banger.kernel.api.wire.ErrorCode;

/**
 * The CLI's documented exit codes (docs/cli.md): one per error code, so scripts can branch on them.
 * In kernel/api because plugin commands return them too.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int DAEMON_UNREACHABLE = 9;
    /** A wait gave up before the operation finished (the operation goes on). */
    public static final int TIMED_OUT = 124;

    private ExitCodes() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case OPERATION_FAILED -> FAILED;
            case BAD_REQUEST -> USAGE;
            case NOT_FOUND -> 3;
            case ALREADY_EXISTS -> 4;
            case CONFLICT -> 5;
            case NOT_RUNNING -> 6;
            case UNAUTHORIZED -> 7;
            case CANCELLED -> 8;
            case BAD_VERSION, UNKNOWN_METHOD -> 10;
            case NO_SPACE -> 11;
        };
    }
}
