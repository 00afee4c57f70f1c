package io.camrig.cli.decode;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads lines (ended by {@code \n}, {@code \r\n} or {@code \r}) holding at most a fixed number of
 * characters in memory: a longer line is skipped to its end and reported as {@link #OVERLONG}, so
 * a 200 MB line without a newline costs the cap, not 200 MB.
 *
 * <p>Not thread-safe.
 */
final class BoundedLineReader {
    /** Returned by {@link #readLine()} for a line over the cap (compare by identity). */
    static final String OVERLONG = new String("<overlong line>");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipLf;

    /**
     * @param maxChars the longest line kept, in characters
     */
    BoundedLineReader(Reader in, int maxChars) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be >= 1");
        }
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, {@link #OVERLONG} for a line over the cap, or {@code
     * null} at the end of input.
     */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean overlong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? (overlong ? OVERLONG : line.toString()) : null;
                }
            }
            char c = buffer[position++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                return overlong ? OVERLONG : line.toString();
            }
            if (!overlong) {
                if (line.length() == maxChars) {
                    overlong = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }
}
