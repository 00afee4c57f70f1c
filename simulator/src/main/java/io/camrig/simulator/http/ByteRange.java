package io.camrig.simulator.http;

/**
 * The part of a file one response sends, from an optional {@code Range} request header (RFC 9110
 * section 14: a single {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}).
 *
 * @param start first byte, inclusive
 * @param end last byte, exclusive
 * @param partial {@code true} when a range was asked for and is answered with 206
 */
record ByteRange(long start, long end, boolean partial) {

    /** Signals a range that does not overlap the file: answer 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long length() {
        return end - start;
    }

    /**
     * Resolves {@code header} against a file of {@code size} bytes. An absent header, another
     * unit, several ranges or a malformed value select the whole file (RFC 9110 lets a server
     * ignore a Range it does not support).
     *
     * @throws Unsatisfiable when a well-formed single range starts at or past the end
     */
    static ByteRange resolve(String header, long size) throws Unsatisfiable {
        ByteRange whole = new ByteRange(0, size, false);
        if (header == null) {
            return whole;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return whole;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - suffix), size, true);
            }
            long start = Long.parseLong(first);
            long lastByte = last.isEmpty() ? Long.MAX_VALUE - 1 : Long.parseLong(last);
            if (start < 0 || lastByte < start) {
                return whole;       // syntactically invalid: ignored
            }
            if (start >= size) {
                throw new Unsatisfiable();
            }
            return new ByteRange(start, Math.min(size, lastByte + 1), true);
        } catch (NumberFormatException e) {
            return whole;
        }
    }
}
