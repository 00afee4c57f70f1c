package io.camrig.credentials;

import io.camrig.engine.credentials.CredentialStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the writers of one credential file: within this JVM with a lock per file (shared by
 * every store instance on that path), across processes with an exclusive {@link FileLock} on the
 * sibling {@code <file>.lock} (created owner-only, never deleted, never through a symbolic link).
 * Waiting for either is bounded: past the time limit an IO {@link CredentialStoreException} says
 * the store is busy. A directory every user may write to is refused.
 */
final class StoreLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** The work done under the lock. */
    interface Body<T> {
        T run() throws IOException;
    }

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock local;
    private final Duration timeout;

    StoreLock(Path file, Duration timeout) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.local = IN_PROCESS.computeIfAbsent(this.file, k -> new ReentrantLock());
        this.timeout = timeout;
    }

    Path lockFile() {
        return lockFile;
    }

    /**
     * Runs {@code body} holding both locks; creates the directory (owner-only) first.
     *
     * @throws IllegalStateException when called from within {@code body} (a nested update would
     *     be lost when the outer one writes)
     */
    <T> T withLock(Body<T> body) throws IOException {
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException("the credential store was changed from inside one of its own updates");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean locked;
        try {
            locked = local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialStoreException(CredentialStoreException.Reason.IO,
                    "interrupted while waiting for the credential store " + file, e);
        }
        if (!locked) {
            throw busy();
        }
        try {
            AtomicFileWriter.createDirectories(file.getParent());
            StoreFiles.requirePrivateDirectory(file.getParent());
            try (FileChannel ch = openLockFile(); FileLock ignored = acquire(ch, deadline)) {
                return body.run();
            }
        } finally {
            local.unlock();
        }
    }

    /** Opens (creating) the lock file; a symbolic link at its name is refused, never followed. */
    private FileChannel openLockFile() throws IOException {
        java.util.Set<java.nio.file.OpenOption> options = java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StoreFiles.NO_FOLLOW);
        try {
            return AtomicFileWriter.isPosix(lockFile.getParent())
                    ? FileChannel.open(lockFile, options, AtomicFileWriter.ownerOnlyFile())
                    : FileChannel.open(lockFile, options);
        } catch (IOException e) {
            if (StoreFiles.isLink(lockFile, e)) {
                throw StoreFiles.linkRefused(lockFile, e);
            }
            throw e;
        }
    }

    private FileLock acquire(FileChannel ch, long deadline) throws IOException {
        long park = TimeUnit.MILLISECONDS.toNanos(1);
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw busy();
            }
            LockSupport.parkNanos(Math.min(Math.min(park, left), MAX_PARK_NANOS));
            park = Math.min(park * 2, MAX_PARK_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CredentialStoreException(CredentialStoreException.Reason.IO,
                        "interrupted while waiting for the credential store " + file, null);
            }
        }
    }

    private CredentialStoreException busy() {
        return new CredentialStoreException(CredentialStoreException.Reason.IO, "the credential store " + file
                + " stayed locked by another writer for " + timeout.toMillis() + " ms (lock file " + lockFile + ")",
                null);
    }
}
