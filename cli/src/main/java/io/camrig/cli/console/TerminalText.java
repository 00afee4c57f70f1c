package io.camrig.cli.console;

/**
 * Makes text a camera controls safe to print on a terminal. A camera's model name, serial, file
 * names, SSIDs and error details could otherwise carry escape sequences ({@code ESC[2J} clears
 * the screen, {@code ESC]…} sets the title) or CR/LF that forge report lines. Text output shows
 * such strings through {@link #safe}; JSON output is escaped by Jackson already.
 *
 * <p>Escaped: C0 controls (U+0000..U+001F) and DEL as {@code \n}, {@code \r}, {@code \t},
 * {@code \e} or {@code \xNN}; C1 controls (U+0080..U+009F), the bidirectional overrides and
 * isolates (U+202A..U+202E, U+2066..U+2069) and the line and paragraph separators (U+2028,
 * U+2029) as <code>&#92;u{XXXX}</code>. Everything else, including non-ASCII letters, passes unchanged.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with control characters escaped; {@code "null"} for null. */
    public static String safe(Object text) {
        String s = String.valueOf(text);
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == 0x1B) {
                out.append("\\e");
            } else if (c < 0x80) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(String.format("\\u{%04X}", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
