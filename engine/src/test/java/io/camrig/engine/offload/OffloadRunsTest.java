package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.engine.take.TakeStoreClosedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Owned offloads: cancelled by close with a typed error, refused after it; the store stops writing. */
class OffloadRunsTest {
    @TempDir
    Path media;

    @Test
    void closeCancelsWhatRunsWithATypedErrorAndRefusesWhatComesLater() {
        OffloadRuns runs = new OffloadRuns("the test", new TakeStore(media));
        Sinks.Many<Integer> source = Sinks.many().unicast().onBackpressureBuffer();
        AtomicBoolean cancelled = new AtomicBoolean();

        StepVerifier.create(runs.track(source.asFlux().doOnCancel(() -> cancelled.set(true))))
                .then(() -> source.tryEmitNext(1))
                .expectNext(1)
                .then(() -> assertThat(runs.active()).isEqualTo(1))
                .then(() -> assertThat(runs.close(Duration.ofSeconds(5))).isTrue())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OffloadsClosedException.class)
                        .hasMessageContaining("the test is stopping"))
                .verify(Duration.ofSeconds(5));
        assertThat(cancelled).isTrue();
        assertThat(runs.active()).isZero();

        AtomicBoolean subscribed = new AtomicBoolean();
        StepVerifier.create(runs.track(Mono.fromRunnable(() -> subscribed.set(true))))
                .expectError(OffloadsClosedException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(subscribed).as("nothing of a refused offload runs").isFalse();
    }

    @Test
    void anOffloadThatEndsBeforeTheCloseEndsAsItWould() {
        OffloadRuns runs = new OffloadRuns("the test", new TakeStore(media));
        StepVerifier.create(runs.track(Flux.just(1, 2))).expectNext(1, 2).verifyComplete();
        assertThat(runs.active()).isZero();
        assertThat(runs.close(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aClosedStoreAndEveryCopyOfItWriteNothingAnyMore() throws Exception {
        TakeStore store = new TakeStore(media);
        TakeStore node = store.withManifestName("take.alpha.json");
        TakeManifest m = store.create("rig");
        Path dir = store.takeDir(m.takeId());
        byte[] before = Files.readAllBytes(dir.resolve(TakeStore.MANIFEST));

        assertThat(store.close(Duration.ofSeconds(1))).isTrue();
        assertThat(node.isClosed()).isTrue();
        assertThatThrownBy(() -> store.write(m.withExtension("x", "y"))).isInstanceOf(TakeStoreClosedException.class);
        assertThatThrownBy(() -> store.create("rig")).isInstanceOf(TakeStoreClosedException.class);
        assertThatThrownBy(() -> node.open("rig", "20260101-000000")).isInstanceOf(TakeStoreClosedException.class);
        assertThat(Files.readAllBytes(dir.resolve(TakeStore.MANIFEST))).isEqualTo(before);
        assertThat(media.resolve("20260101-000000")).doesNotExist();
        assertThat(store.read(m.takeId()).orElseThrow().extensions()).doesNotContainKey("x");
    }

    @Test
    void closingFromAnInterruptedThreadStillWaitsAndKeepsTheInterrupt() {
        TakeStore store = new TakeStore(media);
        Thread.currentThread().interrupt();
        try {
            assertThat(store.close(Duration.ofSeconds(1))).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aManifestWriteIsNotTornByAnInterrupt() {
        TakeStore store = new TakeStore(media);
        TakeManifest m = store.create("rig");
        Thread.currentThread().interrupt();
        try {
            store.write(m.withExtension("after", "interrupt"));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for its owner").isTrue();
        }
        assertThat(store.read(m.takeId()).orElseThrow().extensions()).containsEntry("after", "interrupt");
    }
}
