package io.camrig.engine.camera;

import static io.camrig.proto.gatt.GoProUuid.QUERY;
import static io.camrig.proto.gatt.GoProUuid.QUERY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The one wait for encoding (status 10): cache, pushes, polls, time limit; all on virtual time. */
class EncodingWatchTest {
    private static final Duration LIMIT = Duration.ofSeconds(8);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Sinks.Many<StatusUpdate> pushes = Sinks.many().multicast().directBestEffort();
    private final AtomicInteger queries = new AtomicInteger();

    private EncodingWatch watch(Mono<Long> current, long... answers) {
        Mono<Long> query = Mono.fromSupplier(() -> {
            int i = queries.getAndIncrement();
            return answers[Math.min(i, answers.length - 1)];
        });
        return new EncodingWatch("GoPro 0001", pushes.asFlux(), current, query, VirtualTimeScheduler.get());
    }

    @Test
    void whatTheCacheShowsAnswersAtOnceWithoutARequest() {
        StepVerifier.withVirtualTime(() -> watch(Mono.just(1L), 0).await(true, LIMIT, POLL))
                .assertNext(u -> assertThat(u.value()).isEqualTo(1L))
                .verifyComplete();
        assertThat(queries).hasValue(0);
    }

    @Test
    void aPushAnswersBeforeAnyPoll() {
        StepVerifier.withVirtualTime(() -> watch(Mono.just(0L), 0).await(true, LIMIT, POLL))
                .expectSubscription()
                .then(() -> pushes.tryEmitNext(new StatusUpdate(Status.BUSY.id(), 1, 5)))   // another status
                .then(() -> pushes.tryEmitNext(new StatusUpdate(Status.ENCODING.id(), 1, 7)))
                .assertNext(u -> assertThat(u).isEqualTo(new StatusUpdate(Status.ENCODING.id(), 1, 7)))
                .verifyComplete();
        assertThat(queries).hasValue(0);
    }

    @Test
    void aLostPushCostsAtMostOnePoll() {
        // No push comes: the first poll still reads 0, the second reads 1.
        StepVerifier.withVirtualTime(() -> watch(Mono.empty(), 0, 1).await(true, LIMIT, POLL))
                .expectSubscription()
                .expectNoEvent(POLL.multipliedBy(2).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(u -> assertThat(u.value()).isEqualTo(1L))
                .verifyComplete();
        assertThat(queries).hasValue(2);
    }

    @Test
    void aStateNeverReachedFailsTypedAtTheLimit() {
        StepVerifier.withVirtualTime(() -> watch(Mono.just(1L), 1).await(false, LIMIT, POLL))
                .expectSubscription()
                .expectNoEvent(LIMIT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotReadyException.class)
                        .hasMessageContaining("GoPro 0001").hasMessageContaining("await encoding off"))
                .verify(Duration.ofSeconds(5));
        assertThat(queries).hasValue(3);   // at 2, 4 and 6 s; the limit came before the fourth
    }

    @Test
    void pushesEndingMeanTheLinkIsGone() {
        StepVerifier.withVirtualTime(() -> watch(Mono.empty(), 0).await(true, LIMIT, Duration.ZERO))
                .expectSubscription()
                .then(pushes::tryEmitComplete)
                .expectError(ConnectionClosedException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aCameraRereadsTheStatusWhenThePushIsLost() {
        ScriptedGattConnection link = new ScriptedGattConnection();
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts);
        // The camera starts encoding but its push is lost; the poll at a quarter of the limit reads it.
        link.expectWrite(QUERY, "53 0A").thenNotify(QUERY_RESPONSE, "53 00 0A 01 01");
        StepVerifier.withVirtualTime(() -> Camera.open(link, "cam-1", options)
                        .flatMap(camera -> camera.awaitEncoding(true, LIMIT)), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(POLL.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(u -> assertThat(u.value()).isEqualTo(1L))
                .verifyComplete();
        assertThat(link.unexpected()).isEmpty();
    }
}
