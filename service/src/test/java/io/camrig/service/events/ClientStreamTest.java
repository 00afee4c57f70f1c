package io.camrig.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A slow client loses intermediate values, is told how many, and never holds the publisher up. */
class ClientStreamTest {
    private final EventHub hub = new EventHub(new ObjectMapper());

    @Test
    void aClientThatTakesNothingConflatesPerCameraAndIsToldWhatItLost() {
        StepVerifier.create(ClientStream.open(hub, List::of, Duration.ofHours(1), Schedulers.single()), 0)
                .then(() -> {
                    for (int i = 0; i < 1000; i++) {
                        hub.publish("camera", "camera:1", Map.of("battery", i));   // never blocks
                    }
                    hub.publish("camera", "camera:2", Map.of("battery", 50));
                })
                .thenRequest(1)
                .assertNext(frame -> assertThat(frame).isEqualTo("event: lost\ndata: {\"dropped\":999}\n\n"))
                .thenRequest(2)
                .assertNext(frame -> assertThat(frame).contains("event: camera").contains("{\"battery\":999}"))
                .assertNext(frame -> assertThat(frame).contains("{\"battery\":50}"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void eventsWithoutKeyAreKeptUpToTheLimitThenTheOldestGo() {
        StepVerifier.create(ClientStream.open(hub, List::of, Duration.ofHours(1), Schedulers.single()), 0)
                .then(() -> {
                    for (int i = 0; i < ClientStream.MAX_PENDING + 10; i++) {
                        hub.log("info", null, "line " + i);
                    }
                })
                .thenRequest(2)
                .assertNext(frame -> assertThat(frame).contains("\"dropped\":10"))
                .assertNext(frame -> assertThat(frame).contains("line 10\""))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aClientThatKeepsUpGetsEverythingInOrderAfterItsSnapshot() {
        StepVerifier.create(ClientStream.open(hub, () -> List.of(hub.unpublished("snapshot", Map.of("n", 0))),
                        Duration.ofHours(1), Schedulers.single()))
                .assertNext(frame -> assertThat(frame).contains("event: snapshot"))
                .then(() -> {
                    hub.publish("camera", "camera:1", Map.of("battery", 1));
                    hub.publish("camera", "camera:1", Map.of("battery", 2));
                })
                .assertNext(frame -> assertThat(frame).contains("{\"battery\":1}"))
                .assertNext(frame -> assertThat(frame).contains("{\"battery\":2}"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void anIdleStreamGetsAHeartbeatComment() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> ClientStream.open(hub, List::of, Duration.ofSeconds(15), time), () -> time, 1)
                .thenAwait(Duration.ofSeconds(15))
                .assertNext(frame -> assertThat(frame).isEqualTo(": keep-alive\n\n"))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
