package dev.banger.kernel.api.cli;

/**
 * Whether the CLI may redraw a line in place (progress). Only on a real terminal that understands
 * {@code \r} and erase-line: pipes, files, CI logs and {@code TERM=dumb} get plain lines instead.
 * banger prints no colour of its own; picocli's help honours {@code NO_COLOR} by itself.
 */
public final class Terminal {
    private Terminal() {
    }

    public static boolean live() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
