package dev.banger.helper.server;

import java.util.List;

/** Runs one program with a fixed argument list (never through a shell); {@code stdin} may be null. */
public interface CommandRunner {
    CommandResult run(List<String> argv, String stdin);
}
