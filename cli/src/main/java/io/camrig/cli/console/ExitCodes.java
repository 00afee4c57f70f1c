package io.camrig.cli.console;

/**
 * The exit codes of {@code camrig}, for every command: 0 success, 1 an error (picocli's {@code
 * ExitCode.SOFTWARE}), 2 bad usage ({@code ExitCode.USAGE}), {@value #SOME_FAILED} some cameras
 * failed, {@value #INTERRUPTED} stopped by Ctrl-C. Here rather than on the top command, so that
 * commands return them without depending on the command that registers them.
 */
public final class ExitCodes {
    /** Some cameras failed; the report is still complete. */
    public static final int SOME_FAILED = 3;
    /** Stopped by Ctrl-C: 128 + SIGINT (2), as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
