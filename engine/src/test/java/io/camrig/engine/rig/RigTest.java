package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.camera.Camera;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.UnsupportedOptionException;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.ble.SimulatedBleCentral;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RigTest {
    private VirtualRig sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Rig connectedRig(int cameras) {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        Rig rig = Rig.discover(sim.central(), RigOptions.defaults()).block(Duration.ofSeconds(10));
        RigResult<Camera> connected = rig.connect().block(Duration.ofSeconds(10));
        assertThat(connected.allOk()).isTrue();
        return rig;
    }

    @Test
    void discoveryFindsEveryAdvertisingCameraInNameOrder() {
        Rig rig = connectedRig(5);
        assertThat(rig.members()).hasSize(5);
        assertThat(rig.members()).extracting(RigMember::advertisedName).isSorted().allMatch(n -> n.startsWith("GoPro "));
        rig.close();
    }

    @Test
    void aCallersBadArgumentFailsThatCallOnlyAndLeavesTheCamerasHealthy() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withModel("HERO9 Black"))
                .block(Duration.ofSeconds(10));
        Rig rig = Rig.discover(sim.central(), RigOptions.defaults()).block(Duration.ofSeconds(10));
        rig.connect().block(Duration.ofSeconds(10));
        RigResult<Void> refused = rig.forEach("5.3K", c -> c.settings().set(Setting.VIDEO_RESOLUTION, "5.3K"))
                .block(Duration.ofSeconds(10));
        assertThat(refused.outcomes().values()).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                Outcome.Failed.class, f -> assertThat(f.cause()).isInstanceOf(UnsupportedOptionException.class)));
        RigResult<Void> badName = rig.forEach("no such option", c -> c.settings().set(Setting.VIDEO_RESOLUTION, "9Q"))
                .block(Duration.ofSeconds(10));
        assertThat(badName.allOk()).isFalse();
        assertThat(rig.healthy()).hasSize(2);
        RigResult<Void> next = rig.forEach("1080", c -> c.settings().set(Setting.VIDEO_RESOLUTION, "1080"))
                .block(Duration.ofSeconds(10));
        assertThat(next.allOk()).isTrue();
        rig.close();
    }

    @Test
    void discoveryWithNoCameraFailsWithATypedError() {
        StepVerifier.create(Rig.discover(new SimulatedBleCentral(List.of(), Schedulers.parallel()), RigOptions.defaults()))
                .expectError(NoCamerasFoundException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void fireIssuesEveryShutterWriteAtOnceAndReportsEachCamera() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(8).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        Rig rig = tappedRig(new TappedCentral(sim.central()), RigOptions.defaults().withCompensateLatency(false));
        FireResult on = rig.fire(true).block(Duration.ofSeconds(10));
        assertThat(on.shutter().allOk()).isTrue();
        assertThat(on.encoding().allOk()).isTrue();
        // Compensation off and nothing measured: no prediction from estimates that do not exist.
        assertThat(on.compensated()).isFalse();
        assertThat(on.predictedSpreadMicros()).isEmpty();
        // Sequential awaiting would put at least one round trip (>= 20 ms) between writes.
        assertThat(on.fireSkewMicros().getAsLong()).isLessThan(10_000);
        FireResult off = rig.fire(false).block(Duration.ofSeconds(10));
        assertThat(off.encoding().allOk()).isTrue();
        rig.close();
    }

    @Test
    void latencyCompensatedFireMakesTheCamerasStartTogether() {
        int n = 32;
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(n).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        // Ground truth: when each simulated camera actually started encoding.
        Map<String, Long> started = new ConcurrentHashMap<>();
        sim.cameras().forEach(c -> c.statuses().onChange(e -> {
            if (e.id() == Status.ENCODING.id() && e.asLong() == 1) {
                started.put(c.identity().serial(), System.nanoTime());
            }
        }));
        Rig rig = Rig.discover(sim.central(), RigOptions.defaults()).block(Duration.ofSeconds(10));
        rig.connect().then(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id())).block(Duration.ofSeconds(20));
        // Warm the paths once, then measure latency and fire for real.
        rig.fire(true).then(rig.fire(false)).block(Duration.ofSeconds(20));
        // Best of three fires: one stall of a loaded machine must not decide the test, while
        // uncompensated firing could never do better than the 10-30 ms latency differences.
        double best = Double.MAX_VALUE;
        FireResult on = null;
        for (int i = 0; i < 3; i++) {
            started.clear();
            rig.measureLatency(5).block(Duration.ofSeconds(20));
            on = rig.fire(true).block(Duration.ofSeconds(20));
            assertThat(on.shutter().allOk()).isTrue();
            assertThat(started).hasSize(n);
            best = Math.min(best, (started.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                    - started.values().stream().mapToLong(Long::longValue).min().orElseThrow()) / 1e6);
            rig.fire(false).block(Duration.ofSeconds(20));
        }
        double trueSpreadMillis = best;
        assertThat(trueSpreadMillis).as("true spread of encoding starts, best of 3, ms").isLessThan(5.0);
        // The writes were staggered by the latency differences, i.e. compensation happened.
        assertThat(on.fireSkewMicros().getAsLong()).isGreaterThan(5_000);
        System.out.printf("compensated fire, %d cameras: true spread %.2f ms, predicted %d µs, observed %.2f ms%n",
                n, trueSpreadMillis, on.predictedSpreadMicros().getAsLong(), on.observedSpreadMicros().getAsLong() / 1e3);
        rig.close();
    }

    @Test
    void aFailingCameraIsIsolatedAndSkippedInLaterSteps() {
        Rig rig = connectedRig(4);
        RigMember victim = rig.members().get(1);
        RigResult<String> step = rig.forEach("flaky", c -> c.name().equals(victim.advertisedName())
                ? Mono.error(new IllegalStateException("boom")) : Mono.just("fine"), v -> v).block();
        assertThat(step.succeeded()).hasSize(3).doesNotContain(victim);
        assertThat(step.outcomes().get(victim)).isInstanceOf(Outcome.Failed.class);

        RigResult<String> next = rig.forEach("next", c -> Mono.just("ok"), v -> v).block();
        assertThat(next.outcomes().get(victim)).isInstanceOf(Outcome.Skipped.class);
        assertThat(next.succeeded()).hasSize(3);
        assertThat(victim.log()).extracting(StepRecord::status).endsWith("failed", "skipped");
        rig.close();
    }

    private Rig tappedRig(TappedCentral central, RigOptions options) {
        Rig rig = Rig.discover(central, options).block(Duration.ofSeconds(10));
        assertThat(rig.connect().block(Duration.ofSeconds(10)).allOk()).isTrue();
        assertThat(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(10)).allOk())
                .isTrue();
        return rig;
    }

    @Test
    void aFireWritesTheShuttersAndNothingElse() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        TappedCentral central = new TappedCentral(sim.central());
        Rig rig = tappedRig(central, RigOptions.defaults());
        rig.measureLatency(3).block(Duration.ofSeconds(10));
        central.takeWritten();

        FireResult on = rig.fire(true).block(Duration.ofSeconds(10));
        List<String> duringOn = central.takeWritten();
        FireResult off = rig.fire(false).block(Duration.ofSeconds(10));
        List<String> duringOff = central.takeWritten();

        assertThat(on.encoding().allOk()).isTrue();
        assertThat(off.encoding().allOk()).isTrue();
        // Set Shutter on / off to each camera, and no status query sharing the links with them
        assertThat(duringOn).containsOnly("GP-0072 03010101").hasSize(4);
        assertThat(duringOff).containsOnly("GP-0072 03010100").hasSize(4);
        rig.close();
    }

    @Test
    void aFirstFireMeasuresTheMissingLatenciesThenFiresCompensated() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        TappedCentral central = new TappedCentral(sim.central());
        Rig rig = tappedRig(central, RigOptions.defaults());
        central.takeWritten();
        assertThat(rig.members()).allSatisfy(m -> assertThat(m.latency().samples()).isZero());

        FireResult on = rig.fire(true).block(Duration.ofSeconds(10));
        List<String> duringOn = central.takeWritten();

        assertThat(on.shutter().allOk()).isTrue();
        assertThat(on.compensated()).isTrue();
        assertThat(on.predictedSpreadMicros()).isPresent();
        // Three keep-alives per camera, then the shutters.
        assertThat(duringOn.subList(0, 12)).containsOnly("GP-0074 035b0142");
        assertThat(duringOn.subList(12, duringOn.size())).containsOnly("GP-0072 03010101").hasSize(4);
        assertThat(rig.members()).allSatisfy(m -> {
            assertThat(m.latency().samples()).isGreaterThanOrEqualTo(FireControl.LATENCY_ROUNDS);
            assertThat(m.log()).extracting(StepRecord::step).containsSubsequence("latency", "shutter on");
        });
        rig.close();
    }

    @Test
    void aLostEncodingPushCostsOnePollNotTheFire() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        TappedCentral central = new TappedCentral(sim.central());
        // readiness limit 2 s: encoding is re-read every 0.5 s while a fire waits
        Rig rig = tappedRig(central, RigOptions.defaults().withReadyTimeout(Duration.ofSeconds(2)));
        central.dropStatusPushes();

        FireResult on = rig.fire(true).block(Duration.ofSeconds(10));
        List<String> written = central.takeWritten();

        assertThat(central.pushesDropped()).as("the cameras' encoding pushes, lost").isGreaterThanOrEqualTo(2);
        assertThat(on.encoding().allOk()).as("encoding seen anyway, by polling").isTrue();
        assertThat(written).as("each camera polled: Register for Status Value Updates (0x53), encoding (10)")
                .contains("GP-0076 02530a");
        rig.close();
    }
}
