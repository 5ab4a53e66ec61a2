package dev.banger.plugins.vm.cli;

import java.util.List;

/**
 * {@code vm run [PATH] [-- CMD...]}: picocli hands over every positional argument in one list, those after
 * {@code --} included, so which is which comes from where {@code --} stood in the command line.
 */
record RunArgs(String path, List<String> command) {
    static RunArgs split(List<String> positionals, List<String> commandLine) {
        List<String> all = positionals == null ? List.of() : positionals;
        int dashes = commandLine.indexOf("--");
        List<String> command = dashes < 0 ? List.of() : List.copyOf(commandLine.subList(dashes + 1, commandLine.size()));
        List<String> before = all.subList(0, all.size() - Math.min(command.size(), all.size()));
        if (before.size() > 1) {
            throw new IllegalArgumentException("vm run takes at most one PATH, got " + before
                    + "; put the command to run after --, e.g. banger vm run -- " + String.join(" ", before));
        }
        return new RunArgs(before.isEmpty() ? null : before.get(0), command);
    }

    boolean hasCommand() {
        return !command.isEmpty();
    }
}
