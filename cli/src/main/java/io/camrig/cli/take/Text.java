package io.camrig.cli.take;

/** Camera-provided text for a terminal: control characters escaped so a camera cannot move the cursor or forge lines. */
final class Text {
    private Text() {
    }

    static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
