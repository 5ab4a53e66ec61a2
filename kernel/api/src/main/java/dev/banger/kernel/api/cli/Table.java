package dev.banger.kernel.api.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain, left-aligned text table: what every listing prints without {@code --json}. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    private Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    public static Table of(String... headers) {
        return new Table(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] text = new String[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    public void print(PrintStream out) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(r[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
