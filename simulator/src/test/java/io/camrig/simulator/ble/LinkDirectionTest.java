package io.camrig.simulator.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

class LinkDirectionTest {
    private static final int TASKS = 20_000;

    @Test
    void aZeroLatencyLinkRunsEveryTaskInOrderAndNeverTwoAtOnce() throws InterruptedException {
        Scheduler scheduler = Schedulers.newParallel("link-test", 2, true);
        try {
            LinkDirection link = new LinkDirection(scheduler, Duration.ZERO);
            AtomicBoolean running = new AtomicBoolean();
            AtomicInteger overlaps = new AtomicInteger();
            List<Integer> order = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(TASKS);
            for (int i = 0; i < TASKS; i++) {
                int n = i;
                link.send(() -> {
                    if (!running.compareAndSet(false, true)) {
                        overlaps.incrementAndGet();
                    }
                    order.add(n);   // unsynchronized on purpose: tasks must not overlap
                    running.set(false);
                    done.countDown();
                });
                if (i % 1000 == 0) {
                    Thread.onSpinWait();   // let the link run dry now and then, so it is re-released
                }
            }

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps.get()).isZero();
            assertThat(order).hasSize(TASKS).isSorted();
        } finally {
            scheduler.dispose();
        }
    }

    @Test
    void aLinkWithLatencyKeepsToTheSchedulerAndItsClock() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        LinkDirection link = new LinkDirection(clock, Duration.ofMillis(10));
        List<String> ran = new ArrayList<>();

        link.send(() -> ran.add("a"));
        clock.advanceTimeBy(Duration.ofMillis(4));
        link.send(() -> ran.add("b"), Duration.ofMillis(1).toNanos());
        clock.advanceTimeBy(Duration.ofMillis(5));
        assertThat(ran).isEmpty();

        clock.advanceTimeBy(Duration.ofMillis(1));   // t = 10 ms
        assertThat(ran).containsExactly("a");
        clock.advanceTimeBy(Duration.ofMillis(4));   // t = 14 ms: b is due at 4 + 10 + 1 = 15
        assertThat(ran).containsExactly("a");
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aDeliveryTellsItsModeledArrivalInstantToTheTaskItRunsAndOnlyThen() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        LinkDirection link = new LinkDirection(clock, Duration.ofMillis(10));
        List<Long> seen = new ArrayList<>();

        clock.advanceTimeBy(Duration.ofMillis(3));
        link.send(() -> seen.add(io.camrig.simulator.camera.LinkArrival.dueNanosOr(-1)));
        link.send(() -> seen.add(io.camrig.simulator.camera.LinkArrival.dueNanosOr(-1)), Duration.ofMillis(2).toNanos());
        clock.advanceTimeBy(Duration.ofMillis(20));

        // Due at 3 + 10 ms and 3 + 10 + 2 ms, in the link's clock (virtual here), whenever the thread ran them.
        assertThat(seen).containsExactly(Duration.ofMillis(13).toNanos(), Duration.ofMillis(15).toNanos());
        assertThat(io.camrig.simulator.camera.LinkArrival.dueNanosOr(-1)).isEqualTo(-1);   // none outside a delivery
    }
}
