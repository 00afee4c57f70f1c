package io.camrig.cli.rig;

import io.camrig.cli.console.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, two spaces apart. */
public final class Table {
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> header) {
        rows.add(List.copyOf(header));
    }

    /** Adds a row; cells are shown with control characters escaped ({@link TerminalText#safe}). */
    public Table row(List<String> cells) {
        rows.add(cells.stream().map(TerminalText::safe).toList());
        return this;
    }

    /** Prints the table; numbers are not right-aligned, so values read as they are. */
    public void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(r.get(i));
                if (i < r.size() - 1) {
                    line.append(" ".repeat(width[i] - r.get(i).length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
