package io.camrig.http.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks a camera-provided name (serial number, card folder, file name) before it becomes one
 * segment of a local path: a camera, or something pretending to be one, must not be able to
 * write outside the media directory, over a hidden file, or to a device name.
 */
public final class PathNames {
    /** The longest segment accepted, in UTF-8 bytes (the usual file system limit). */
    public static final int MAX_BYTES = 255;

    private PathNames() {
    }

    /**
     * Returns {@code value} when it is one safe path segment.
     *
     * @param what what the name is, for the message ({@code "serial"}, {@code "folder"} …)
     * @throws IllegalArgumentException when it is empty, {@code "."}, {@code ".."}, starts with
     *     {@code '.'} (hidden, and where partial downloads live), longer than {@value #MAX_BYTES}
     *     UTF-8 bytes, or contains {@code '/'}, {@code '\'}, {@code ':'} or a control character;
     *     the message shows the name with control characters escaped
     * @throws NullPointerException when it is null
     */
    public static String requireSegment(String value, String what) {
        Objects.requireNonNull(value, what);
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + escape(value) + "' " + problem);
        }
        return value;
    }

    /** {@code true} when {@link #requireSegment} accepts {@code value}. */
    public static boolean isSafeSegment(String value) {
        return value != null && problem(value) == null;
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.startsWith(".")) {
            return "starts with '.'";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || c == ':') {
                return "contains a path separator";
            }
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
        }
        return null;
    }

    /**
     * {@code value} as it may be shown in a message or on a terminal: control characters as
     * {@code \\uXXXX}, at most 80 characters (a camera's name is never trusted to be printable).
     */
    public static String shown(String value) {
        return value == null ? "null" : escape(value);
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 80; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
