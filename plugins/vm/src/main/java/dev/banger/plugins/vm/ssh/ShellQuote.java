package dev.banger.plugins.vm.ssh;

import dev.banger.kernel.api.wire.RpcException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an argv list into the one string ssh hands to the remote shell, so that the remote command receives
 * exactly these arguments. ssh joins its arguments with spaces and the remote shell re-parses them, so
 * unquoted arguments would be split and expanded there (the Go tool shipped that bug).
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** POSIX single quotes: nothing inside is special except {@code '}, written as {@code '\''}. */
    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw RpcException.badRequest("command arguments cannot contain NUL bytes");
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw RpcException.badRequest("empty command");
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
