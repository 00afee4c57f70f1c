package io.camrig.cli.console;

/**
 * The exit codes of {@code camrig}, for every command: 0 success, 1 an error (picocli's {@code
 * ExitCode.SOFTWARE}), 2 bad usage ({@code ExitCode.USAGE}), {@value #SOME_FAILED} some cameras
 * failed, {@value #NOT_DELETED} files kept on cameras after an offload, {@value #INTERRUPTED}
 * stopped by Ctrl-C. Here rather than on the top command, so that commands return them without
 * depending on the command that registers them.
 */
public final class ExitCodes {
    /** Some cameras failed; the report is still complete. */
    public static final int SOME_FAILED = 3;
    /**
     * {@code camrig offload --delete-after-verify}: every file verified, but some were left on
     * their cameras (a refused or unconfirmed delete); no footage is at risk.
     */
    public static final int NOT_DELETED = 4;
    /** Stopped by Ctrl-C: 128 + SIGINT (2), as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
