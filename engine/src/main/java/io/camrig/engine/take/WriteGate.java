package io.camrig.engine.take;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The writes of one {@link TakeStore} (and its copies): any number at once while open; {@link
 * #close} refuses new ones and waits for those under way. A write holds the read lock; closing
 * takes the write lock, which it gets once the last write under way has left.
 */
final class WriteGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /**
     * Enters a write; pair with {@link #exit()}.
     *
     * @throws TakeStoreClosedException when closed
     */
    void enter(Path mediaDir) {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new TakeStoreClosedException(mediaDir);
        }
    }

    void exit() {
        lock.readLock().unlock();
    }

    boolean closed() {
        return closed;
    }

    /** Refuses new writes; waits up to {@code timeout} for those under way, an interrupt notwithstanding. */
    boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (lock.writeLock().tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        lock.writeLock().unlock();
                        return true;
                    }
                    return false;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
