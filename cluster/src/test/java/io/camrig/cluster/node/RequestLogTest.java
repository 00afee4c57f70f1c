package io.camrig.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.wire.Reply;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A command redelivered with the same request id (QoS 1 after a reconnect) runs once. */
class RequestLogTest {
    @Test
    void aRedeliveredRequestGetsTheFirstRunsReplyAndDoesNotRunAgain() {
        RequestLog log = new RequestLog();
        AtomicInteger runs = new AtomicInteger();
        Reply reply = new Reply("r1", "alpha", "connect", List.of(), null, null);
        Mono<Reply> first = log.once("r1", () -> Mono.fromSupplier(() -> {
            runs.incrementAndGet();
            return reply;
        }));
        StepVerifier.create(first).expectNext(reply).verifyComplete();
        Mono<Reply> again = log.once("r1", () -> Mono.fromSupplier(() -> {
            runs.incrementAndGet();
            return new Reply("r1", "alpha", "connect", List.of(), null, null);
        }));
        StepVerifier.create(again).expectNextMatches(r -> r == reply).verifyComplete();
        assertThat(runs).hasValue(1);
        assertThat(log.duplicates()).isEqualTo(1);
        StepVerifier.create(log.once("r2", () -> Mono.just(reply))).expectNext(reply).verifyComplete();
        assertThat(log.duplicates()).isEqualTo(1);
    }

    @Test
    void onlyTheLastRequestIdsAreRemembered() {
        RequestLog log = new RequestLog();
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i <= RequestLog.LIMIT; i++) {
            log.once("r" + i, () -> Mono.fromSupplier(() -> {
                runs.incrementAndGet();
                return new Reply("x", "alpha", "ping", List.of(), null, null);
            })).block();
        }
        log.once("r0", () -> Mono.fromSupplier(() -> {
            runs.incrementAndGet();
            return new Reply("x", "alpha", "ping", List.of(), null, null);
        })).block();
        assertThat(runs).hasValue(RequestLog.LIMIT + 2);
    }
}
