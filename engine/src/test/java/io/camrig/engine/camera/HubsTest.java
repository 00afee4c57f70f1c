package io.camrig.engine.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.camrig.engine.error.EmissionContendedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

class HubsTest {
    private static final int PER_THREAD = 50_000;

    @Test
    void twoThreadsEmittingAtOnceLoseNothingAndTheLaterCompletionIsSeen() throws Exception {
        Sinks.Many<Integer> hub = Sinks.many().multicast().directBestEffort();
        AtomicLong received = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        hub.asFlux().subscribe(v -> received.incrementAndGet(), errors::add, completed::countDown);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = threads.submit(() -> emit(hub, start));
            Future<Integer> b = threads.submit(() -> emit(hub, start));
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(b.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            threads.shutdownNow();
        }
        Hubs.complete(hub, "cam", "test hub");

        assertThat(received.get()).isEqualTo(2L * PER_THREAD);
        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void withoutSubscribersAnEmissionIsDroppedAtOnce() {
        Sinks.Many<Integer> hub = Sinks.many().multicast().directBestEffort();

        assertThat(Hubs.emit(hub, 1, "cam", "test hub")).isEqualTo(Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER);
    }

    @Test
    void anEmissionHeldPastTheBoundFailsTypedInsteadOfSpinningForEver() {
        // A hub another emission never lets go of (a subscriber blocked in onNext); the clock
        // moves 100 ms per reading.
        AtomicLong clock = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        assertThatThrownBy(() -> Hubs.spin(() -> {
            attempts.incrementAndGet();
            return Sinks.EmitResult.FAIL_NON_SERIALIZED;
        }, "GoPro 0001", "status updates", () -> clock.addAndGet(100_000_000), Hubs.BOUND))
                .isInstanceOf(EmissionContendedException.class)
                .hasMessageContaining("GoPro 0001").hasMessageContaining("status updates")
                .hasMessageContaining("1000 ms");
        // The first try, then one per 100 ms until the one that finds the second passed.
        assertThat(attempts.get()).isEqualTo(12);
    }

    @Test
    void anEmissionThatGetsThroughWithinTheBoundReturnsItsResult() {
        AtomicLong clock = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        assertThat(Hubs.spin(() -> attempts.incrementAndGet() < 4 ? Sinks.EmitResult.FAIL_NON_SERIALIZED
                        : Sinks.EmitResult.OK, "GoPro 0001", "status updates", () -> clock.addAndGet(100_000_000),
                Hubs.BOUND)).isEqualTo(Sinks.EmitResult.OK);
        assertThat(attempts.get()).isEqualTo(4);
    }

    /** Emits {@link #PER_THREAD} values; returns how many were refused for any reason. */
    private static int emit(Sinks.Many<Integer> hub, CountDownLatch start) throws InterruptedException {
        start.await();
        int refused = 0;
        for (int i = 0; i < PER_THREAD; i++) {
            if (Hubs.emit(hub, i, "cam", "test hub").isFailure()) {
                refused++;
            }
        }
        return refused;
    }
}
