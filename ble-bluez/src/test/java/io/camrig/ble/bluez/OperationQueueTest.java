package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The per-device operation queue and the adapter's connect gate, on virtual time. */
class OperationQueueTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void operationsRunOneAtATimeInSubmissionOrder() {
        AtomicInteger running = new AtomicInteger();
        List<Integer> maxRunning = new ArrayList<>();
        StepVerifier.withVirtualTime(() -> {
                    OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.get());
                    return Flux.merge(op(q, "a", running, maxRunning), op(q, "b", running, maxRunning),
                            op(q, "c", running, maxRunning));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(1))
                .expectNext("a")
                .expectNoEvent(Duration.ofSeconds(1))
                .expectNext("b")
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("c")
                .verifyComplete();
        assertThat(maxRunning).containsOnly(1);
    }

    private static Mono<String> op(OperationQueue q, String name, AtomicInteger running, List<Integer> seen) {
        return q.submit(name, Mono.delay(Duration.ofSeconds(1))
                .doOnSubscribe(s -> seen.add(running.incrementAndGet()))
                .doOnTerminate(running::decrementAndGet)
                .thenReturn(name), LIMIT);
    }

    @Test
    void anOperationThatNeverAnswersTimesOutAndTheNextOneStarts() {
        StepVerifier.withVirtualTime(() -> {
                    OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.get());
                    Mono<String> stuck = q.submit("enable notifications GP-0077", Mono.<String>never(), LIMIT)
                            .onErrorResume(BluezTimeoutException.class, e -> Mono.just("timed out: " + e.getMessage()));
                    return Flux.merge(stuck, q.submit("read GP-0002", Mono.just("ssid"), LIMIT));
                })
                .expectSubscription()
                .expectNoEvent(LIMIT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("timed out: [AA:BB] enable notifications GP-0077: no answer within 5000 ms")
                .expectNext("ssid")
                .verifyComplete();
    }

    @Test
    void cancellingAWaitingOperationRemovesItWithoutRunningIt() {
        AtomicInteger ran = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> {
                    OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.get());
                    Mono<String> first = q.submit("first", Mono.delay(Duration.ofSeconds(1)).thenReturn("first"), LIMIT);
                    Mono<String> skipped = q.submit("skipped", Mono.fromCallable(() -> {
                        ran.incrementAndGet();
                        return "skipped";
                    }), LIMIT).take(Duration.ofMillis(500), VirtualTimeScheduler.get());
                    Mono<String> last = q.submit("last", Mono.just("last"), LIMIT);
                    return Flux.merge(first, skipped, last);
                })
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("first", "last")
                .verifyComplete();
        assertThat(ran).hasValue(0);
    }

    @Test
    void cancellingTheOperationInFlightKeepsTheNextWaitingUntilItEnds() {
        StepVerifier.withVirtualTime(() -> {
                    OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.get());
                    Mono<String> cancelled = q.submit("write", Mono.delay(Duration.ofSeconds(2)).thenReturn("write"), LIMIT)
                            .take(Duration.ofSeconds(1), VirtualTimeScheduler.get());
                    return Flux.merge(cancelled, q.submit("read", Mono.just("read"), LIMIT));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(2))
                .expectNext("read")
                .verifyComplete();
    }

    @Test
    void closeFailsTheRunningAndWaitingOperationsAndEveryLaterOne() {
        OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.create());
        BluezNotConnectedException lost = new BluezNotConnectedException("BLE link lost", "AA:BB", null, null, null);
        StepVerifier running = StepVerifier.create(q.submit("a", Mono.never(), LIMIT)).expectErrorMatches(e -> e == lost)
                .verifyLater();
        StepVerifier waiting = StepVerifier.create(q.submit("b", Mono.just("b"), LIMIT)).expectErrorMatches(e -> e == lost)
                .verifyLater();
        assertThat(q.waiting()).isEqualTo(1);
        q.close(lost);
        running.verify(LIMIT);
        waiting.verify(LIMIT);
        StepVerifier.create(q.submit("c", Mono.just("c"), LIMIT)).expectErrorMatches(e -> e == lost).verify(LIMIT);
    }

    @Test
    void errorsBecomeTypedErrorsNamingTheOwnerAndOperation() {
        OperationQueue q = new OperationQueue("AA:BB", VirtualTimeScheduler.create());
        StepVerifier.create(q.submit("write GP-0072", Mono.error(new org.bluez.Error.InProgress("Operation already in progress")),
                        LIMIT))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezInProgressException.class)
                        .hasMessage("[AA:BB] write GP-0072: Operation already in progress (org.bluez.Error.InProgress)"))
                .verify(LIMIT);
        StepVerifier.create(q.submit("after", Mono.just(1), LIMIT)).expectNext(1).verifyComplete();
    }
}
