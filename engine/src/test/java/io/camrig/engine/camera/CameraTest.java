package io.camrig.engine.camera;

import static io.camrig.proto.gatt.GoProUuid.COMMAND;
import static io.camrig.proto.gatt.GoProUuid.COMMAND_RESPONSE;
import static io.camrig.proto.gatt.GoProUuid.QUERY;
import static io.camrig.proto.gatt.GoProUuid.QUERY_RESPONSE;
import static io.camrig.proto.gatt.GoProUuid.SETTINGS;
import static io.camrig.proto.gatt.GoProUuid.SETTINGS_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.error.CameraStatusException;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.ExchangeTimeoutException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.PushNotification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.concurrent.Queues;

class CameraTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScriptedGattConnection link = new ScriptedGattConnection();

    private Camera open(CameraOptions options) {
        return Camera.open(link, "cam-1", options).block(TIMEOUT);
    }

    private Camera open() {
        return open(CameraOptions.defaults());
    }

    @Test
    void hardwareInfoIsRequestedOnCommandAndParsedFromTheResponse() {
        HardwareInfo info = new HardwareInfo(62, "HERO12 Black", "H23.01.02.32.00", "C3501324645504",
                "GP24645504", "2674f7f65f78");
        link.expectWrite(COMMAND, "3C").thenNotify(COMMAND_RESPONSE,
                concat(new byte[] {0x3C, 0x00}, info.encode()));
        Camera camera = open();

        StepVerifier.create(camera.hardwareInfo()).expectNext(info).verifyComplete();
        assertThat(link.unexpected()).isEmpty();
    }

    @Test
    void keepAliveWritesTheDocumentedBytes() {
        link.expectWrite(SETTINGS, "5B 01 42").thenNotify(SETTINGS_RESPONSE, "5B 00");
        StepVerifier.create(open().keepAlive()).verifyComplete();
        assertThat(link.written()).containsExactly("GP-0074 5b0142");
    }

    @Test
    void anArmedShutterIsWrittenOnlyWhenReleasedAndOnlyOnce() {
        link.expectWrite(COMMAND, "01 01 01").thenNotify(COMMAND_RESPONSE, "01 00");
        Camera camera = open();
        ArmedShutter armed = camera.armShutter(true).block(TIMEOUT);

        assertThat(link.written()).as("nothing written before the release").isEmpty();
        long before = System.nanoTime();
        Mono<ExchangeResult> shot = armed.release();
        assertThat(link.written()).as("written on the releasing thread").containsExactly("GP-0072 010101");
        StepVerifier.create(shot)
                .assertNext(r -> assertThat(r.writeIssuedNanos()).isGreaterThanOrEqualTo(before))
                .verifyComplete();
        StepVerifier.create(armed.release()).expectNextCount(1).verifyComplete();
        assertThat(link.written()).as("a second release writes nothing").hasSize(1);
    }

    @Test
    void aDisposedArmedShutterGivesTheQueueBackAtOnce() {
        link.expectWrite(COMMAND, "01 01 00").thenNotify(COMMAND_RESPONSE, "01 00");
        Camera camera = open();
        ArmedShutter armed = camera.armShutter(true).block(TIMEOUT);
        armed.dispose();
        // Long before the exchange's time limit, the next command on GP-0072 goes through.
        StepVerifier.create(camera.setShutter(false)).expectNextCount(1).verifyComplete();
        assertThat(link.written()).containsExactly("GP-0072 010100");
        StepVerifier.create(armed.release()).expectError(java.util.concurrent.CancellationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void cancellingAnArmingStillQueuedTakesItOutOfTheQueue() {
        link.expectWrite(COMMAND, "01 01 00").thenNotify(COMMAND_RESPONSE, "01 00");
        Camera camera = open();
        ArmedShutter first = camera.armShutter(true).block(TIMEOUT);
        reactor.core.Disposable second = camera.armShutter(true).subscribe();   // queued behind the first
        second.dispose();
        first.dispose();
        StepVerifier.create(camera.setShutter(false)).expectNextCount(1).verifyComplete();
        assertThat(link.written()).containsExactly("GP-0072 010100");
    }

    @Test
    void aRefusedCommandFailsWithTheCameraStatus() {
        link.expectWrite(COMMAND, "01 01 01").thenNotify(COMMAND_RESPONSE, "01 01");
        StepVerifier.create(open().setShutter(true))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CameraStatusException.class)
                        .hasMessageContaining("cam-1").hasMessageContaining("set_shutter")
                        .extracting(x -> ((CameraStatusException) x).status()).isEqualTo("error"))
                .verify(TIMEOUT);
    }

    @Test
    void anExchangeWithoutAnswerTimesOutInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts)
                .withExchangeTimeout(Duration.ofSeconds(2));
        link.expectWrite(SETTINGS, "5B 01 42");   // the camera never answers
        StepVerifier.withVirtualTime(() -> Camera.open(link, "cam-1", options).flatMap(Camera::keepAlive),
                        () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExchangeTimeoutException.class)
                        .hasMessageContaining("2000 ms").hasMessageContaining("keep_alive"))
                .verify(TIMEOUT);
    }

    @Test
    void oneExchangeIsInFlightPerCharacteristicAndTheNextWaitsForItsAnswer() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts);
        link.expectWrite(COMMAND, "3E 02 03 E8");                        // answered by hand below
        link.expectWrite(COMMAND, "01 01 01").thenNotify(COMMAND_RESPONSE, "01 00");

        StepVerifier.withVirtualTime(() -> Camera.open(link, "cam-1", options)
                        .flatMapMany(camera -> camera.loadPresetGroup(1000).thenReturn("first")
                                .mergeWith(camera.setShutter(true).thenReturn("second"))), () -> vts, Long.MAX_VALUE)
                .expectSubscription()
                .thenAwait()
                .then(() -> assertThat(link.written()).containsExactly("GP-0072 3e0203e8"))
                .then(() -> link.notify(COMMAND_RESPONSE, "3E 00"))
                .thenAwait()
                .expectNext("first", "second")
                .verifyComplete();
        assertThat(link.written()).containsExactly("GP-0072 3e0203e8", "GP-0072 010101");
    }

    @Test
    void aLostLinkFailsTheExchangeInFlightAndTheQueuedOnes() {
        link.expectWrite(COMMAND, "3E 02 03 E8");
        Camera camera = open();
        Mono<Void> first = camera.loadPresetGroup(1000).cache();
        Mono<Void> second = camera.setShutter(true).then().cache();
        first.subscribe(v -> { }, e -> { });
        second.subscribe(v -> { }, e -> { });
        link.drop();

        StepVerifier.create(first).expectError(ConnectionClosedException.class).verify(TIMEOUT);
        StepVerifier.create(second).expectError(ConnectionClosedException.class).verify(TIMEOUT);
        StepVerifier.create(camera.setShutter(true)).expectError(ConnectionClosedException.class).verify(TIMEOUT);
        assertThat(camera.isConnected()).isFalse();
    }

    @Test
    void statusRegistrationFillsTheCacheAndPushesUpdateIt() {
        link.expectWrite(QUERY, "53 08 0A").thenNotify(QUERY_RESPONSE, "53 00 08 01 01 0A 01 00");
        Camera camera = open();
        StepVerifier.create(camera.registerStatusUpdates(8, 10))
                .assertNext(v -> assertThat(v).containsEntry(8, 1L).containsEntry(10, 0L))
                .verifyComplete();

        StepVerifier.create(camera.awaitReady(TIMEOUT))
                .then(() -> link.notify(QUERY_RESPONSE, "93 00 08 01 00"))
                .verifyComplete();
        assertThat(camera.status(8)).contains(0L);
    }

    @Test
    void aStatusPushIsInTheCacheWhenTheTransportsCallReturns() {
        VirtualTimeScheduler worker = VirtualTimeScheduler.create();
        Camera camera = open(CameraOptions.defaults().withScheduler(worker));

        // The worker's clock never moves, so nothing here waits for it.
        link.notify(QUERY_RESPONSE, "93 00 0A 01 01 46 01 57");

        assertThat(camera.status(10)).contains(1L);
        assertThat(camera.status(70)).contains(0x57L);
    }

    @Test
    void aStatusQueryResponseFillsTheCacheBeforeItsCallerSeesIt() {
        link.expectWrite(QUERY, "13 46").thenNotify(QUERY_RESPONSE, "13 00 46 01 2A");
        Camera camera = open();

        StepVerifier.create(camera.statuses().get(io.camrig.proto.catalog.Status.INTERNAL_BATTERY_PERCENTAGE)
                        .map(v -> camera.status(70)))
                .assertNext(cached -> assertThat(cached).contains(42L))
                .verifyComplete();
    }

    @Test
    void aSubscriberThatFallsBehindLosesUnsolicitedMessagesAndTheyAreCounted() {
        Camera camera = open();
        camera.unsolicited().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // asks for nothing: a subscriber stuck in its own work
            }
        });

        for (int i = 0; i < 1_000; i++) {
            link.notify(QUERY_RESPONSE, "93 00 46 01 2A");
        }

        // The subscriber's buffer (Reactor's prefetch) holds the first ones; the rest are counted.
        assertThat(camera.linkStats().deliveriesDropped()).isEqualTo(1_000 - Queues.SMALL_BUFFER_SIZE);
        assertThat(camera.status(70)).contains(42L);
    }

    @Test
    void awaitReadyFailsWithNotReadyWhenTheCameraStaysBusy() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        CameraOptions options = CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts);
        link.expectWrite(QUERY, "53 08 0A").thenNotify(QUERY_RESPONSE, "53 00 08 01 01 0A 01 00");
        StepVerifier.withVirtualTime(() -> Camera.open(link, "cam-1", options)
                        .flatMap(camera -> camera.registerStatusUpdates(8, 10)
                                .then(camera.awaitReady(Duration.ofSeconds(10)))), () -> vts, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(10))
                .expectError(NotReadyException.class)
                .verify(TIMEOUT);
    }

    @Test
    void pushNotificationsReachTheUnsolicitedStreamNotTheExchange() {
        link.expectWrite(SETTINGS, "5B 01 42")
                .thenNotify(QUERY_RESPONSE, "93 00 0A 01 01")
                .thenNotify(SETTINGS_RESPONSE, "5B 00");
        Camera camera = open();
        StepVerifier.create(camera.unsolicited().take(1))
                .then(() -> camera.keepAlive().block(TIMEOUT))
                .assertNext(m -> assertThat(m).isInstanceOf(PushNotification.class))
                .verifyComplete();
        assertThat(camera.status(10)).contains(1L);
    }

    @Test
    void aResponseForAnotherCommandDoesNotAnswerTheExchange() {
        link.expectWrite(SETTINGS, "5B 01 42")
                .thenNotify(COMMAND_RESPONSE, "01 00")   // stale answer to an earlier shutter
                .thenNotify(SETTINGS_RESPONSE, "5B 00");
        StepVerifier.create(open().keepAlive()).verifyComplete();
    }

    @Test
    void aCorruptedPacketIsDroppedAndTheStreamResyncs() {
        link.expectWrite(SETTINGS, "5B 01 42");
        Camera camera = open();
        Mono<Void> keepAlive = camera.keepAlive().cache();
        StepVerifier.create(keepAlive)
                .then(() -> link.notifyPacket(COMMAND_RESPONSE, "81 00 00"))   // continuation without a start
                .then(() -> link.notify(SETTINGS_RESPONSE, "5B 00"))
                .verifyComplete();
    }

    @Test
    void claimControlSendsTheProtobufRequestAndChecksTheGenericResult() {
        link.expectWrite(COMMAND, "F1 69 08 02").thenNotify(COMMAND_RESPONSE, "F1 E9 08 01");
        StepVerifier.create(open().claimControl()).verifyComplete();
    }

    @Test
    void claimControlRefusedFailsWithTheProtobufResult() {
        link.expectWrite(COMMAND, "F1 69 08 02").thenNotify(COMMAND_RESPONSE, "F1 E9 08 03");
        StepVerifier.create(open().claimControl())
                .expectErrorSatisfies(e -> assertThat(((CameraStatusException) e).status())
                        .isEqualTo("RESULT_NOT_SUPPORTED"))
                .verify(TIMEOUT);
    }

    @Test
    void setDateTimeSendsSevenBytesAndLoadPresetGroupTheGroupId() {
        link.expectWrite(COMMAND, "0D 07 07 EA 0B 15 13 28 05").thenNotify(COMMAND_RESPONSE, "0D 00");
        link.expectWrite(COMMAND, "3E 02 03 E8").thenNotify(COMMAND_RESPONSE, "3E 00");
        Camera camera = open();
        StepVerifier.create(camera.setDateTime(LocalDateTime.of(2026, 11, 21, 19, 40, 5))
                .then(camera.loadPresetGroup(1000))).verifyComplete();
        assertThat(link.unexpected()).isEmpty();
    }

    @Test
    void apCredentialsAreReadDirectlyAndThePasswordNeverPrinted() {
        link.readable(GoProUuid.WIFI_AP_SSID, "GP24645504".getBytes(StandardCharsets.UTF_8))
                .readable(GoProUuid.WIFI_AP_PASSWORD, "Reef-123-Dune".getBytes(StandardCharsets.UTF_8));
        StepVerifier.create(open().readApCredentials())
                .assertNext(c -> {
                    assertThat(c.ssid()).isEqualTo("GP24645504");
                    assertThat(c.password()).isEqualTo("Reef-123-Dune");
                    assertThat(c.toString()).doesNotContain("Reef-123-Dune");
                })
                .verifyComplete();
    }

    @Test
    void resultsAreNotDeliveredOnTheCamerasWorker() {
        link.expectWrite(SETTINGS, "5B 01 42").thenNotify(SETTINGS_RESPONSE, "5B 00");
        Camera camera = open(CameraOptions.defaults().withDeliveryScheduler(Schedulers.boundedElastic()));
        StepVerifier.create(camera.keepAlive().then(Mono.fromCallable(() -> Thread.currentThread().getName())))
                .assertNext(name -> assertThat(name).startsWith("boundedElastic"))
                .verifyComplete();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
