package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FireAtTest {
    private VirtualRig sim;
    private Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.disposeNow(Duration.ofSeconds(10));
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Rig connected(int cameras) {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(1024))
                .block(Duration.ofSeconds(10));
        rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(cameras)).block(Duration.ofSeconds(10));
        assertThat(rig.connect().block(Duration.ofSeconds(10)).allOk()).isTrue();
        rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(10));
        rig.measureLatency(4).block(Duration.ofSeconds(10));
        return rig;
    }

    @Test
    void writesAreReleasedNoEarlierThanTheInstantLessEachCamerasLatency() {
        Rig r = connected(4);
        long arriveAt = System.nanoTime() + Duration.ofMillis(300).toNanos();
        FireResult on = r.fireAt(true, arriveAt, Duration.ofMillis(1)).block(Duration.ofSeconds(10));
        assertThat(on.shutter().allOk()).isTrue();
        for (RigMember m : r.members()) {
            long written = arriveAt + on.shutter().value(m).orElseThrow().toNanos();
            long planned = arriveAt - m.latency().oneWayNanos();
            // Released on the fire thread at its instant: never before it.
            assertThat(written).isGreaterThanOrEqualTo(planned - Duration.ofMillis(2).toNanos());
        }
        assertThat(on.encoding().allOk()).isTrue();
    }

    @Test
    void aFireWhoseInstantHasPassedIsRefusedAndNothingIsWritten() {
        Rig r = connected(3);
        long past = System.nanoTime() - Duration.ofMillis(500).toNanos();
        FireResult on = r.fireAt(true, past, Duration.ofMillis(1)).block(Duration.ofSeconds(10));
        assertThat(on.shutter().outcomes().values()).allSatisfy(o ->
                assertThat(((Outcome.Failed<java.time.Duration>) o).cause()).isInstanceOf(LateFireException.class)
                        .hasMessageContaining("late"));
        assertThat(r.members()).allSatisfy(m ->
                assertThat(m.camera().orElseThrow().status(Status.ENCODING.id())).hasValue(0L));
    }
}
