package dev.banger.helper.server;

import java.util.List;

/** What a finished command left behind. */
public record CommandResult(List<String> argv, int exit, String stdout, String stderr) {
    public boolean ok() {
        return exit == 0;
    }
}
