package io.camrig.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;

/** {@link Coalescing#latest} in virtual time: leading edge, newest value on the trailing edge, rate, end of a burst. */
class CoalescingTest {
    private static final Duration WINDOW = Duration.ofMillis(100);

    @Test
    void aChangeAfterAQuietSpellGoesOutAtOnce() {
        Sinks.Many<Integer> changes = Sinks.many().multicast().directBestEffort();
        StepVerifier.withVirtualTime(() -> Coalescing.latest(changes.asFlux(), WINDOW, 1, Schedulers.parallel()))
                .expectSubscription()
                .then(() -> changes.tryEmitNext(1))
                .expectNext(1)                                 // no virtual time has passed
                .thenAwait(Duration.ofMillis(150))
                .then(() -> changes.tryEmitNext(2))
                .expectNext(2)                                 // the window had ended: at once again
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void changesWithinTheWindowCoalesceToTheNewestAtTheWindowsEnd() {
        Sinks.Many<Integer> changes = Sinks.many().multicast().directBestEffort();
        StepVerifier.withVirtualTime(() -> Coalescing.latest(changes.asFlux(), WINDOW, 1, Schedulers.parallel()))
                .expectSubscription()
                .then(() -> changes.tryEmitNext(1))
                .expectNext(1)
                .then(() -> {
                    changes.tryEmitNext(2);
                    changes.tryEmitNext(3);
                    changes.tryEmitNext(4);
                })
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(4)                                 // 2 and 3 were replaced, 4 waited 100 ms
                .expectNoEvent(Duration.ofMillis(500))         // nothing new: no repeat
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aBurstOfTwoGoesOutAtOnceAndTheThirdWaitsForATokenBack() {
        // 1 at 0 ms, then 2 and 3 at 30 ms (timed in virtual time, so every clock reading agrees)
        StepVerifier.withVirtualTime(() -> Coalescing.latest(Flux.merge(Mono.just(1),
                        Mono.delay(Duration.ofMillis(30)).thenReturn(2), Mono.delay(Duration.ofMillis(30)).thenReturn(3))
                        .concatWith(Flux.never()), WINDOW, 2, Schedulers.parallel()))
                .expectSubscription()
                .expectNext(1)
                .thenAwait(Duration.ofMillis(30))
                .expectNext(2)                                 // 30 ms after the first, still at once
                .expectNoEvent(Duration.ofMillis(69))          // the bucket is empty until 100 ms
                .thenAwait(Duration.ofMillis(1))
                .expectNext(3)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aChangeEveryMillisecondIsLimitedToTenASecondAndEndsWithTheLastValue() {
        // a change every millisecond for one second: values 0..999 at 1..1000 ms
        StepVerifier.withVirtualTime(() -> Coalescing.latest(Flux.interval(Duration.ofMillis(1)).take(1000), WINDOW, 2,
                        Schedulers.parallel()).timestamp(Schedulers.parallel()).collectList())
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(CoalescingTest::limited)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    private static void limited(List<Tuple2<Long, Long>> out) {
        List<Long> times = out.stream().map(Tuple2::getT1).toList();
        List<Long> values = out.stream().map(Tuple2::getT2).toList();
        assertThat(values.get(0)).isZero();                     // the first change at once
        assertThat(values.get(values.size() - 1)).isEqualTo(999L);   // the last one is never lost
        assertThat(values).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i + 2 < times.size(); i++) {             // burst 2: any three span ≥ 100 ms
            assertThat(times.get(i + 2) - times.get(i)).as("events %d..%d", i, i + 2).isGreaterThanOrEqualTo(100);
        }
        for (long t : times) {                                   // ≤ 11 in any second (10 + burst − 1)
            assertThat(times.stream().filter(x -> x >= t && x < t + 1000).count()).isLessThanOrEqualTo(11);
        }
        assertThat(times.get(times.size() - 1)).isLessThanOrEqualTo(1000L + 100);   // late by one window at most
    }

    @Test
    void whenTheSourceEndsTheValueWaitingForItsTokenStillGoesOut() {
        StepVerifier.withVirtualTime(() -> Coalescing.latest(Flux.just(1, 2, 3), WINDOW, 1, Schedulers.parallel()))
                .expectSubscription()
                .expectNext(1)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(3)
                .thenAwait(WINDOW)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }
}
