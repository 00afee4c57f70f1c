package io.camrig.cli.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the command line knows of where its output goes: whether it is a terminal, how wide, and
 * whether it may use colour (a terminal, {@code NO_COLOR} unset or empty, {@code TERM} not
 * {@code dumb}; see no-color.org). Blocking: command line only.
 */
public final class Terminal {
    /** The width assumed when it cannot be told (a pipe, a file, no {@code COLUMNS}). */
    public static final int DEFAULT_COLUMNS = 120;

    private final boolean interactive;
    private final boolean colour;
    private final int columns;

    /** A terminal as given: tests and callers that know better. */
    public Terminal(boolean interactive, boolean colour, int columns) {
        this.interactive = interactive;
        this.colour = colour;
        this.columns = columns;
    }

    /** The process's own output: stdin and stdout a terminal, the environment's colour choice. */
    public static Terminal detect() {
        return detect(System.getenv(), System.console() != null);
    }

    static Terminal detect(Map<String, String> env, boolean interactive) {
        String noColor = env.get("NO_COLOR");
        boolean colour = interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(interactive, colour, columns(env, interactive));
    }

    /** {@code true} when the output is a terminal (redrawing in place is fine there). */
    public boolean interactive() {
        return interactive;
    }

    /** {@code true} when colour may be used. */
    public boolean colour() {
        return colour;
    }

    /** The output's width in columns. */
    public int columns() {
        return columns;
    }

    /** {@code text} in green when colour is on: a camera or step that went well. */
    public String ok(String text) {
        return paint("32", text);
    }

    /** {@code text} in red when colour is on: a failure. */
    public String failed(String text) {
        return paint("31", text);
    }

    /** {@code text} in yellow when colour is on: late, skipped, or worth a look. */
    public String late(String text) {
        return paint("33", text);
    }

    private String paint(String sgr, String text) {
        return colour && !text.isEmpty() ? "\u001B[" + sgr + "m" + text + "\u001B[0m" : text;
    }

    /** {@code COLUMNS}, else the terminal's size ({@code stty size}), else {@link #DEFAULT_COLUMNS}. */
    private static int columns(Map<String, String> env, boolean interactive) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            if (c > 0) {
                return c;
            }
        } catch (NumberFormatException e) {
            // not set, or not a number: ask the terminal
        }
        if (interactive && new File("/dev/tty").canRead()) {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
                if (p.waitFor(2, TimeUnit.SECONDS) && size.length == 2) {
                    return Integer.parseInt(size[1]);
                }
            } catch (IOException | NumberFormatException e) {
                // no stty: assume the default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return DEFAULT_COLUMNS;
    }
}
