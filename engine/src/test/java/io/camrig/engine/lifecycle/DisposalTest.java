package io.camrig.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class DisposalTest {
    @Test
    void startsOnceAndIsDoneWhenEveryPartIsWithTheFirstErrorAndTheOthersSuppressed() {
        Disposal disposal = new Disposal();
        assertThat(disposal.start()).isTrue();
        assertThat(disposal.start()).isFalse();
        assertThat(disposal.isStarted()).isTrue();

        Sinks.Empty<Void> slow = Sinks.empty();
        IOException first = new IOException("link 1 did not close");
        IOException second = new IOException("link 2 did not close");
        disposal.finishAfter(List.of(Mono.error(first), slow.asMono(), Mono.error(second), Mono.empty()));

        StepVerifier.create(disposal.done())
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1))   // the slow part is not done yet
                .then(slow::tryEmitEmpty)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(first).hasSuppressedException(second))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aResourceDisposedNowWaitsForItsEndAndSaysWhenItDoesNotCome() {
        AtomicInteger disposals = new AtomicInteger();
        Sinks.Empty<Void> end = Sinks.empty();
        DisposableResource resource = new DisposableResource() {
            @Override
            public Mono<Void> onDispose() {
                return end.asMono();
            }

            @Override
            public void dispose() {
                disposals.incrementAndGet();
            }

            @Override
            public String toString() {
                return "test resource";
            }
        };
        assertThatThrownBy(() -> resource.disposeNow(Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test resource: not disposed within 50 ms");
        end.tryEmitEmpty();
        resource.disposeNow(Duration.ofSeconds(5));
        resource.close();
        assertThat(disposals).hasValue(3);
    }
}
