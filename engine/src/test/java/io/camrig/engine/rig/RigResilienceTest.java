package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.resilience.ResilienceOptions;
import io.camrig.proto.error.TransientCamrigException;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

class RigResilienceTest {
    private VirtualRig sim;
    private Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Rig connected(int cameras, RigOptions options) {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        rig = Rig.discover(sim.central(), options).block(Duration.ofSeconds(10));
        assertThat(rig.connect().block(Duration.ofSeconds(10)).allOk()).isTrue();
        return rig;
    }

    @Test
    void aDroppedLinkIsReconnectedWithRegistrationsAndControlRestoredAndStreamsUninterrupted() {
        Rig rig = connected(4, RigOptions.defaults().withReconnect(3, Duration.ofMillis(50)));
        rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).then(rig.claimControl()).block(Duration.ofSeconds(10));
        RigMember victim = rig.members().get(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        victim.statusUpdates().subscribe(seen::add, seen::add);

        String serial = sim.cameras().get(1).identity().serial();
        sim.dropLink(serial);
        victim.currentCamera().filter(c -> c.isConnected())
                .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(20)).take(200))
                .block(Duration.ofSeconds(10));
        // Wait for the reconnect to be done (the member holds a connected camera again).
        Mono.fromSupplier(victim::reconnects).filter(n -> n > 0)
                .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(20)).take(200)).block(Duration.ofSeconds(10));

        assertThat(victim.reconnects()).isEqualTo(1);
        assertThat(rig.metrics().total("camrig.reconnects")).isEqualTo(1.0);
        assertThat(sim.cameras().get(1).statuses().get(Status.CAMERA_CONTROL_ID.id())).as("control re-claimed").isEqualTo(2);
        FireResult on = rig.fire(true).block(Duration.ofSeconds(10));
        assertThat(on.shutter().allOk()).isTrue();
        assertThat(on.encoding().allOk()).as("encoding pushes arrive again: registrations restored").isTrue();
        assertThat(seen).as("the member's stream saw no error").noneMatch(o -> o instanceof Throwable)
                .anyMatch(o -> o instanceof StatusUpdate u && u.statusId() == Status.ENCODING.id() && u.value() == 1);
        assertThat(victim.isHealthy()).isTrue();
    }

    @Test
    void aCameraThatStaysGoneIsRetriedWithBackoffThenReportedInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(1024).withScheduler(vts))
                .block(Duration.ofSeconds(10));
        RigOptions options = RigOptions.defaults().withReconnect(3, Duration.ofMillis(200))
                .withCamera(CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts));
        CompletableFuture<Rig> connecting = Rig.discover(sim.central(), options)
                .flatMap(r -> r.connect().thenReturn(r)).toFuture();
        for (int i = 0; i < 1000 && !connecting.isDone(); i++) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
        rig = connecting.join();
        RigMember gone = rig.members().get(0);

        sim.powerOff(sim.cameras().get(0).identity().serial());
        // First attempt at once (fails after a connect round trip), then backoff 200 ms (+/- 50%).
        vts.advanceTimeBy(Duration.ofMillis(150));
        assertThat(gone.isHealthy()).as("still reconnecting, not given up").isTrue();
        vts.advanceTimeBy(Duration.ofSeconds(3));   // 200 ms, then 400 ms of backoff, at most 1.5x each
        assertThat(gone.isHealthy()).isFalse();
        assertThat(gone.failure().orElseThrow()).isInstanceOf(CameraGoneException.class)
                .hasMessageContaining("3 reconnect attempts failed");
        assertThat(gone.failedStep()).contains("reconnect");
        assertThat(rig.members().subList(1, 3)).allMatch(RigMember::isHealthy);
        assertThat(rig.metrics().total("camrig.reconnects")).isZero();
    }

    @Test
    void keepAlivesAreSentEveryThreeSecondsInVirtualTime() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(1024).withScheduler(vts))
                .block(Duration.ofSeconds(10));
        RigOptions options = RigOptions.defaults()
                .withCamera(CameraOptions.defaults().withScheduler(vts).withDeliveryScheduler(vts));
        CompletableFuture<Rig> connecting = Rig.discover(sim.central(), options)
                .flatMap(r -> r.connect().thenReturn(r)).toFuture();
        for (int i = 0; i < 1000 && !connecting.isDone(); i++) {
            vts.advanceTimeBy(Duration.ofMillis(10));
        }
        rig = connecting.join();
        rig.startKeepAlive();

        vts.advanceTimeBy(Duration.ofMillis(2_900));
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.latency().samples()).isZero());
        vts.advanceTimeBy(Duration.ofMillis(200));    // 3.1 s: the first keep-alive and its answer
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.latency().samples()).isEqualTo(1));
        vts.advanceTimeBy(Duration.ofSeconds(6));     // 9.1 s
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.latency().samples()).isEqualTo(3));
    }

    @Test
    void recoverBringsBackAFailedCameraWithTheRigsRegistrations() {
        Rig rig = connected(2, RigOptions.defaults());
        rig.registerStatusUpdates(Status.ENCODING.id()).block(Duration.ofSeconds(10));
        RigMember failing = rig.members().get(0);
        rig.forEach("probe", c -> c.name().equals(failing.advertisedName())
                ? Mono.error(new TransientCamrigException("no answer", c.name(), "probe", null))
                : Mono.just("ok")).block(Duration.ofSeconds(10));
        assertThat(failing.isHealthy()).isFalse();
        assertThat(rig.healthy()).hasSize(1);

        List<RigMember> recovered = rig.recover().block(Duration.ofSeconds(10));

        assertThat(recovered).containsExactly(failing);
        assertThat(failing.isHealthy()).isTrue();
        assertThat(failing.registeredStatuses()).contains(Status.ENCODING.id());
        assertThat(failing.log()).anySatisfy(r -> assertThat(r.step()).isEqualTo("recover"));
        assertThat(rig.healthy()).hasSize(2);
    }

    @Test
    void idempotentOperationsAreRetriedAndOthersAreNot() {
        Rig rig = connected(2, RigOptions.defaults().withResilience(ResilienceOptions.defaults()
                .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50))));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        RigResult<String> retried = rig.forEachIdempotent("flaky read", c -> Mono.defer(() ->
                calls.computeIfAbsent(c.name(), n -> new AtomicInteger()).incrementAndGet() < 3
                        ? Mono.error(new TransientCamrigException("radio noise", c.name(), "read", null))
                        : Mono.just("ok")), v -> v).block(Duration.ofSeconds(10));
        assertThat(retried.outcomes().values()).allMatch(Outcome::isOk);
        assertThat(calls.values()).allSatisfy(n -> assertThat(n).hasValue(3));   // two retries each

        AtomicInteger once = new AtomicInteger();
        RigResult<String> notRetried = rig.forEach("shutter-like", c -> Mono.<String>defer(() -> {
            once.incrementAndGet();
            return Mono.error(new TransientCamrigException("no answer", c.name(), "shutter", null));
        }), v -> v).block(Duration.ofSeconds(10));
        assertThat(notRetried.succeeded()).isEmpty();
        assertThat(once).hasValue(2);   // once per camera, never again
        assertThat(rig.metrics().functionTotal("camrig.retried.calls")).isEqualTo(2.0);   // one call per camera
    }

    @Test
    void aCamerasCircuitBreakerOpensAfterRepeatedFailuresAndStopsCallingIt() {
        Rig rig = connected(1, RigOptions.defaults().withResilience(ResilienceOptions.defaults()
                .withRetry(1, Duration.ofMillis(10), Duration.ofMillis(10))
                .withBreaker(50f, 4, Duration.ofSeconds(30))));
        RigMember m = rig.members().get(0);
        AtomicInteger calls = new AtomicInteger();
        // The window of 4 calls already holds the successful connect steps; failures fill it.
        for (int i = 0; i < 8 && m.policy().breaker().getState().name().equals("CLOSED"); i++) {
            m.policy().apply("probe", true, Mono.defer(() -> {
                calls.incrementAndGet();
                return Mono.error(new TransientCamrigException("timeout", "cam", "probe", null));
            })).onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        }
        assertThat(m.policy().breaker().getState().name()).isEqualTo("OPEN");
        int before = calls.get();
        assertThat(before).isBetween(2, 4);
        Throwable refused = m.policy().apply("probe", true, Mono.fromCallable(calls::incrementAndGet))
                .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(Duration.ofSeconds(5));
        assertThat(refused).isInstanceOf(CallNotPermittedException.class);
        assertThat(calls).as("an open breaker does not call the camera").hasValue(before);
    }
}
