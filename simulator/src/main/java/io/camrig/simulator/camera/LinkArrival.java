package io.camrig.simulator.camera;

/**
 * The modeled arrival instant of the simulated BLE delivery the current thread is running: the
 * instant the link scheduled it for (send instant + the camera's latency + jitter, in send order),
 * in the link's clock — {@link System#nanoTime()} on Reactor's real schedulers, the scheduler's
 * virtual time otherwise. The simulated link sets it around each delivery; a camera reads it when
 * a write changes its state, so a benchmark can tell when a real camera would have received the
 * write (every real camera has its own radio and CPU) from when this machine's threads got to
 * handle it. A thread that is not running a delivery has none.
 */
public final class LinkArrival {
    /** No delivery running. */
    public static final long NONE = Long.MIN_VALUE;
    private static final ThreadLocal<long[]> DUE = ThreadLocal.withInitial(() -> new long[] {NONE});

    private LinkArrival() {
    }

    /** Called by the simulated link before it runs a delivery due at {@code dueNanos}. */
    public static void enter(long dueNanos) {
        DUE.get()[0] = dueNanos;
    }

    /** Called by the simulated link after the delivery ran. */
    public static void exit() {
        DUE.get()[0] = NONE;
    }

    /** The running delivery's due instant, or {@code otherwise} when no delivery is running. */
    public static long dueNanosOr(long otherwise) {
        long due = DUE.get()[0];
        return due == NONE ? otherwise : due;
    }
}
