package io.camrig.service.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Rate-limits a stream of changes while keeping its newest value: a token bucket of {@code burst}
 * tokens, one token back every {@code interval} (the generic cell rate algorithm, so no timer runs
 * while nothing changes).
 * <ul>
 *   <li>Leading edge: a change that finds a token goes out at once, on the thread that delivered it.</li>
 *   <li>Trailing edge: changes that find no token replace each other; the newest goes out as soon
 *       as a token is back, so nothing stays hidden for longer than {@code interval}.</li>
 *   <li>Rate: at most {@code burst} values at once, then one per {@code interval}; in any span of
 *       {@code n × interval}, at most {@code n + burst - 1}.</li>
 *   <li>End: when the source completes, a value still waiting for its token goes out, then the
 *       completion.</li>
 * </ul>
 * The source is requested unbounded (intermediate values are dropped, never queued).
 */
public final class Coalescing {
    private Coalescing() {
    }

    /**
     * @param changes   the values, newest last; may be hot and fast
     * @param interval  time for one token to come back (100 ms gives ≤ 10 values/s sustained)
     * @param burst     tokens when idle, ≥ 1 (1: a strict one per {@code interval})
     * @param scheduler the clock, and where a delayed value is emitted
     * @throws IllegalArgumentException for a negative interval or a burst below 1
     */
    public static <T> Flux<T> latest(Flux<T> changes, Duration interval, int burst, Scheduler scheduler) {
        if (interval.isNegative() || burst < 1) {
            throw new IllegalArgumentException("interval must be ≥ 0 and burst ≥ 1, got " + interval + ", " + burst);
        }
        long step = interval.toNanos();
        long tolerance = step * (burst - 1);
        return Flux.defer(() -> {
            // theoretical arrival time of the next value when emitted at the sustained rate
            long[] due = {Long.MIN_VALUE / 2};
            return changes.onBackpressureLatest().concatMap(v -> {
                long now = scheduler.now(TimeUnit.NANOSECONDS);
                due[0] = Math.max(due[0], now) + step;
                long wait = due[0] - tolerance - now;
                // the value now; the next one is requested when a token is back
                return wait <= 0 ? Flux.just(v)
                        : Flux.concat(Mono.just(v), Mono.delay(Duration.ofNanos(wait), scheduler).then(Mono.<T>empty()));
            }, 0);
        });
    }
}
