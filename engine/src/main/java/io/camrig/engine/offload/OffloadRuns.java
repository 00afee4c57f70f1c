package io.camrig.engine.offload;

import io.camrig.engine.take.TakeStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The offloads a long-running process runs in the background (the rig service's take downloads,
 * a cluster node's offload commands), owned so that stopping the process stops them cleanly and
 * leaves only resumable state:
 * <ol>
 *   <li>{@link #track} wraps each offload; one subscribed after {@link #close} is refused with
 *       {@link OffloadsClosedException};</li>
 *   <li>{@link #close} cancels every offload under way: each download closes its partial file
 *       before the cancel returns (the transport waits for a chunk being written) and keeps it for
 *       a resume with {@code Range}; the offload then errors with {@link OffloadsClosedException},
 *       so nothing queued after it runs;</li>
 *   <li>then closes the {@link TakeStore} the offloads write their manifests to, which waits for
 *       a manifest write under way to finish and refuses any later one: a file verified before
 *       the close stays verified, the one interrupted stays pending. When a write has not finished
 *       within the timeout, a warning says so (it finishes by itself, atomically).</li>
 * </ol>
 * Thread-safe. {@link #close} blocks (up to its timeout): call it where the process stops.
 */
public final class OffloadRuns {
    private static final Logger log = LoggerFactory.getLogger(OffloadRuns.class);

    private final String owner;
    private final TakeStore store;
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param owner who runs the offloads, for messages ({@code "the rig service"}, {@code "node alpha"})
     * @param store the store every tracked offload writes its manifests to; closed by {@link #close}
     */
    public OffloadRuns(String owner, TakeStore store) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * {@code work} as an owned offload: runs as it would until {@link #close}, then is cancelled
     * and errors with {@link OffloadsClosedException}; subscribed after {@link #close}, errors
     * with it at once.
     */
    public <T> Flux<T> track(Flux<T> work) {
        return Flux.defer(() -> {
            if (closed) {
                return Flux.error(new OffloadsClosedException(owner));
            }
            active.incrementAndGet();
            return work.takeUntilOther(stop.asMono())
                    .concatWith(Mono.defer(() -> closed ? Mono.error(new OffloadsClosedException(owner)) : Mono.empty()))
                    .doFinally(s -> active.decrementAndGet());
        });
    }

    /** As {@link #track(Flux)} for one result. */
    public <T> Mono<T> track(Mono<T> work) {
        return track(work.flux()).next();
    }

    /** Offloads under way now. */
    public int active() {
        return active.get();
    }

    /** {@code true} once {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new offloads, cancels those under way (partial files kept), then waits up to {@code
     * timeout} until no manifest write is under way in the store; idempotent.
     *
     * @return {@code true} when nothing writes under the media directory any more; {@code false}
     *     when a manifest write was still under way at the timeout (logged)
     */
    public boolean close(Duration timeout) {
        closed = true;
        int running = active.get();
        stop.tryEmitEmpty();
        boolean settled = store.close(timeout);
        if (!settled) {
            log.warn("{}: gave up after {} ms waiting for a take manifest write under {} to finish; it completes by itself, "
                    + "atomically, or not at all", owner, timeout.toMillis(), store.mediaDir());
        } else if (running > 0) {
            log.info("{}: stopped {} offload(s); their partial files are kept for a later offload to resume", owner, running);
        }
        return settled;
    }
}
