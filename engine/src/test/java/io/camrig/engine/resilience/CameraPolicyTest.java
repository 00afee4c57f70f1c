package io.camrig.engine.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The time limit and the retry waits run on the scheduler the policies are given (the cameras'),
 * never on Reactor's default timer: on virtual time they pass only when virtual time does.
 */
class CameraPolicyTest {
    private static final ResilienceOptions OPTIONS = ResilienceOptions.defaults()
            .withOperationTimeout(Duration.ofSeconds(20))
            .withRetry(3, Duration.ofSeconds(1), Duration.ofSeconds(4));

    @Test
    void theTimeLimitPassesOnVirtualTimeOnly() {
        StepVerifier.withVirtualTime(() -> policy(VirtualTimeScheduler.get()).apply("probe", false, Mono.never()))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(19))
                .thenAwait(Duration.ofSeconds(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OperationTimeoutException.class)
                        .hasMessageContaining("probe"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void retryWaitsPassOnVirtualTimeOnly() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> flaky = Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new TransientCamrigException("radio noise", "cam", "read", null))
                : Mono.just("ok"));
        CameraPolicy[] policy = new CameraPolicy[1];
        StepVerifier.withVirtualTime(() -> {
                    policy[0] = policy(VirtualTimeScheduler.get());
                    return policy[0].apply("read", true, flaky);
                })
                .expectSubscription()
                // The first retry waits 1 s ± 50 %: not before half a second of virtual time.
                .expectNoEvent(Duration.ofMillis(499))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofSeconds(10))
                .expectNext("ok")
                .verifyComplete();
        assertThat(attempts).hasValue(3);
        assertThat(policy[0].retriedCalls()).isEqualTo(1);
    }

    @Test
    void nothingWaitsOnReactorsDefaultTimer() {
        // A virtual clock the policies are given but Reactor's defaults do not know: only it can
        // end the time limit and the retry waits, so both pass without any real time passing.
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> failing = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new TransientCamrigException("no answer", "cam", "read", null));
        });
        StepVerifier.create(policy(clock).apply("read", true, failing))
                .then(() -> clock.advanceTimeBy(Duration.ofSeconds(10)))
                .expectError(TransientCamrigException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(3);

        StepVerifier.create(policy(clock).apply("probe", false, Mono.never()))
                .then(() -> clock.advanceTimeBy(Duration.ofSeconds(20)))
                .expectError(OperationTimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void anOperationThatIsNotIdempotentIsNeverSentAgain() {
        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> policy(VirtualTimeScheduler.get()).apply("shutter", false,
                        Mono.defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(new TransientCamrigException("no answer", "cam", "shutter", null));
                        })))
                .expectError(TransientCamrigException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).hasValue(1);
    }

    private static CameraPolicy policy(reactor.core.scheduler.Scheduler scheduler) {
        return new CameraPolicy.Factory(OPTIONS, scheduler).forCamera("GoPro 0001");
    }
}
