package io.camrig.cli.console;

import java.io.PrintWriter;
import java.util.List;

/**
 * A block of rows at the bottom of a terminal, redrawn in place (one row per camera: a command's
 * live progress), with ordinary lines printed above it as they come. ANSI sequences only: {@code
 * ESC[nF} moves the cursor to the start of the block's first row, {@code ESC[2K} clears a row.
 * Each row is cut to the terminal's width less one column, so that no row wraps and the cursor
 * movement stays exact. Not thread-safe: its owner serialises calls.
 */
public final class LiveBlock {
    private final PrintWriter out;
    private final int columns;
    private List<String> rows = List.of();
    private int drawn;

    /**
     * @param out     the terminal
     * @param columns its width in columns (rows are cut to {@code columns - 1} characters)
     */
    public LiveBlock(PrintWriter out, int columns) {
        this.out = out;
        this.columns = Math.max(columns, 2);
    }

    /** Replaces the block's rows and redraws them in place of the previous ones. */
    public void show(List<String> newRows) {
        rows = List.copyOf(newRows);
        erase();
        draw();
        out.flush();
    }

    /**
     * Prints {@code lines} above the block: the block is erased, the lines printed (they scroll
     * with the terminal as usual), then the block drawn again below them with {@code newRows}.
     */
    public void above(Runnable lines, List<String> newRows) {
        rows = List.copyOf(newRows);
        erase();
        out.flush();    // before lines that may go to another stream on the same terminal (stderr)
        lines.run();
        draw();
        out.flush();
    }

    /** Leaves the block's last rows on the terminal as they are; later lines go below them. */
    public void release() {
        drawn = 0;
        rows = List.of();
    }

    private void erase() {
        if (drawn > 0) {
            out.print("\u001b[" + drawn + "F");
            for (int i = 0; i < drawn; i++) {
                out.print("\u001b[2K\n");
            }
            out.print("\u001b[" + drawn + "F");
            drawn = 0;
        }
    }

    private void draw() {
        for (String row : rows) {
            out.print("\u001b[2K");
            out.print(row.length() < columns ? row : row.substring(0, columns - 1));
            out.print('\n');
        }
        drawn = rows.size();
    }
}
