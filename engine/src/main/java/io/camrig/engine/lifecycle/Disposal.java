package io.camrig.engine.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The state of one {@link DisposableResource}'s disposal: started once, done once. Thread-safe.
 */
public final class Disposal {
    private final AtomicBoolean started = new AtomicBoolean();
    private final Sinks.Empty<Void> done = Sinks.empty();

    /** Marks the disposal started; {@code true} for the first call only (the one that must do it). */
    public boolean start() {
        return started.compareAndSet(false, true);
    }

    /** {@code true} once {@link #start()} was called. */
    public boolean isStarted() {
        return started.get();
    }

    /** Completes {@link #done()}, or errors it with the first failure, the others suppressed. */
    public void finish(List<Throwable> failures) {
        if (failures.isEmpty()) {
            done.tryEmitEmpty();
            return;
        }
        Throwable first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        done.tryEmitError(first);
    }

    /**
     * Finishes once every one of {@code ends} (the parts' own {@code onDispose()}) has
     * terminated: done, or with their errors as {@link #finish} reports them.
     */
    public void finishAfter(List<Mono<Void>> ends) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Mono.when(ends.stream().map(end -> end.onErrorResume(e -> {
                    failures.add(e);
                    return Mono.empty();
                })).toList())
                .subscribe(null, e -> finish(List.of(e)), () -> finish(failures));
    }

    /** What {@link DisposableResource#onDispose()} returns. */
    public Mono<Void> done() {
        return done.asMono();
    }
}
