package io.camrig.engine.camera;

import java.util.concurrent.RejectedExecutionException;
import reactor.core.scheduler.Scheduler;

/**
 * Hands work to a camera's serialized worker, which is disposed when the camera is: a task that
 * arrives after that (a late notification, a cancellation) is refused, not thrown at its caller.
 */
final class Confined {
    private Confined() {
    }

    /** Schedules {@code task}; {@code false} when the worker was already disposed. */
    static boolean schedule(Scheduler worker, Runnable task) {
        try {
            worker.schedule(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
