package io.camrig.cli.console;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM closing a long-running command ({@code camrig serve}, {@code camrig node}) the way Ctrl-C
 * does: the JVM's shutdown hook signals the command's thread to stop, then waits up to {@link
 * #GRACE} until that thread reports {@link #closed()}, so the command's own close (downloads
 * stopped with their partial files kept, manifests settled, cameras closed) runs before the JVM
 * halts. Ctrl-C does not go through here: it interrupts the command's thread ({@link Interrupts}).
 */
public final class StopHook {
    /** How long a SIGTERM waits for the command's close before the JVM halts anyway. */
    public static final Duration GRACE = Duration.ofSeconds(15);

    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);

    private StopHook(String name, Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                closed.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /**
     * Registers the hook.
     *
     * @param name the hook thread's name
     * @param stop what tells the command's thread to stop (called on the hook's thread at SIGTERM)
     */
    public static StopHook install(String name, Runnable stop) {
        StopHook h = new StopHook(name, stop);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    /**
     * The command has closed: a SIGTERM's hook waiting for it returns now, and otherwise the hook
     * is removed. Call it once, in a {@code finally} after the close.
     */
    public void closed() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM: the JVM is shutting down and the hook returns now
        }
    }
}
