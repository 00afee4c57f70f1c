package io.camrig.cli.console;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Ctrl-C (SIGINT) for the command line. The first SIGINT interrupts the thread running the
 * command: a {@code block()} it waits in then cancels its subscription (Reactor disposes the
 * reactive work upstream and throws an exception caused by {@link InterruptedException}), the
 * command's resources close as usual, and {@link ErrorReport} prints what was stopped and exits
 * with {@link ExitCodes#INTERRUPTED}. A second SIGINT, or a command that has not finished stopping
 * {@link #GRACE} after the first, ends the process at once with the same exit code.
 *
 * <p>Commands say what they are doing with {@link #activity(String)}, e.g. {@code "download
 * (8 cameras)"}; that is what the message names as stopped. Blocking: command line only.
 */
public final class Interrupts {
    /** How long a command has to stop after the first Ctrl-C. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private static final AtomicInteger SIGNALS = new AtomicInteger();
    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Thread worker;
    private static volatile String activity;
    private static volatile boolean atOnce;

    private Interrupts() {
    }

    /**
     * Routes SIGINT to {@link #interrupt()} for {@code commandThread}. Where the JVM has no
     * {@code sun.misc.Signal}, the default (the JVM exits with 130) stays.
     */
    public static void install(Thread commandThread) {
        worker = commandThread;
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> interrupt());
        } catch (IllegalArgumentException | LinkageError e) {
            // No handler can be installed here (e.g. -Xrs): the JVM's default stays.
        }
    }

    /**
     * What a SIGINT does: the first interrupts the command's thread and starts the {@link #GRACE}
     * timer; the second halts the process. Public so tests can play Ctrl-C without a signal.
     */
    public static void interrupt() {
        int n = SIGNALS.incrementAndGet();
        Thread target = worker;
        if (n > 1 || target == null || atOnce) {
            String what = activity;
            System.out.flush();
            System.err.println();
            System.err.println(atOnce ? "camrig: interrupted (Ctrl-C)" + (what == null ? "" : "; stopped " + what)
                    : "camrig: stopped at once (second Ctrl-C)");
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        target.interrupt();
        Thread timer = new Thread(() -> {
            try {
                target.join(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (target.isAlive() && worker == target) {
                System.err.println("camrig: did not stop within " + GRACE.toSeconds() + " s of Ctrl-C; exiting");
                System.err.flush();
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
        }, "camrig-interrupt-grace");
        timer.setDaemon(true);
        timer.start();
    }

    /** Records what the command is doing now, for the message after Ctrl-C; {@code null} clears it. */
    public static void activity(String what) {
        activity = what;
        if (what != null) {
            LISTENERS.forEach(l -> l.accept(what));
        }
    }

    /**
     * For a command whose work no interrupt can stop (reading stdin): Ctrl-C then ends the process
     * at once, after saying it stopped {@code what}; nothing is left half-done by such a command.
     */
    public static void stopAtOnce(String what) {
        activity = what;
        atOnce = true;
    }

    /** What the command said it was doing, or {@code null}. */
    public static String activity() {
        return activity;
    }

    /** {@code true} when Ctrl-C was pressed during this command. */
    public static boolean requested() {
        return SIGNALS.get() > 0;
    }

    /** Tests: be told of each {@link #activity(String)}; returns a handle that stops it. */
    public static Runnable onActivity(Consumer<String> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** Makes {@code thread} the one a Ctrl-C interrupts, with no signal handler (tests, embedding). */
    public static void target(Thread thread) {
        worker = thread;
        SIGNALS.set(0);
        activity = null;
        atOnce = false;
    }

    /** {@code true} when {@code error}, or one of its causes, says the thread was interrupted. */
    public static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
