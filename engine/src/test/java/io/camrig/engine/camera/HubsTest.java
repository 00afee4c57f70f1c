package io.camrig.engine.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
        Hubs.complete(hub);

        assertThat(received.get()).isEqualTo(2L * PER_THREAD);
        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void withoutSubscribersAnEmissionIsDroppedAtOnce() {
        Sinks.Many<Integer> hub = Sinks.many().multicast().directBestEffort();

        assertThat(Hubs.emit(hub, 1)).isEqualTo(Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER);
    }

    /** Emits {@link #PER_THREAD} values; returns how many were refused for any reason. */
    private static int emit(Sinks.Many<Integer> hub, CountDownLatch start) throws InterruptedException {
        start.await();
        int refused = 0;
        for (int i = 0; i < PER_THREAD; i++) {
            if (Hubs.emit(hub, i).isFailure()) {
                refused++;
            }
        }
        return refused;
    }
}
