package dev.banger.helper.server;

import java.util.ArrayList;
import java.util.List;

/** A CommandRunner that runs nothing and remembers what it was asked to run. */
final class RecordingRunner implements CommandRunner {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public CommandResult run(List<String> argv, String stdin) {
        calls.add(argv);
        return new CommandResult(argv, 0, "[]", "");
    }
}
