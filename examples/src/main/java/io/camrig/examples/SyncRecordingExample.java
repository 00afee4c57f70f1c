package io.camrig.examples;

import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A synchronized recording on four simulated cameras with the public API: discover, connect,
 * set up, fire shutter on together, record two seconds, fire shutter off. Swap
 * {@code sim.central()} for a real BLE central to drive real cameras.
 *
 * <p>Run: {@code examples/run SyncRecordingExample} (builds the examples the first time).
 */
public final class SyncRecordingExample {
    public static void main(String[] args) {
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4)).block();
             Rig rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(4)).block()) {
            rig.connect()
                    .then(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()))
                    .then(rig.claimControl())
                    .then(rig.forEach("clock", c -> c.setDateTime(LocalDateTime.now()), v -> ""))
                    .then(rig.forEach("video", c -> c.loadPresetGroup(1000), v -> ""))
                    .then(rig.forEach("arm", c -> c.awaitReady(Duration.ofSeconds(5)), v -> ""))
                    .then(rig.measureLatency(3))
                    .block();
            FireResult on = rig.fire(true).block();
            System.out.printf("shutter on: %d/%d cameras, predicted arrivals %d µs apart, encoding started within %.1f ms%n",
                    on.shutter().succeeded().size(), rig.members().size(),
                    on.predictedSpreadMicros().orElse(-1), on.observedSpreadMicros().orElse(-1) / 1e3);
            FireResult off = rig.fire(false).delaySubscription(Duration.ofSeconds(2)).block();
            rig.members().forEach(m -> System.out.printf("%s: %s%n", m.advertisedName(),
                    m.isHealthy() ? "recorded" : "failed: " + m.failure().map(Throwable::getMessage).orElse("?")));
            System.out.println(off.encoding().allOk() ? "all cameras stopped encoding" : "some cameras failed");
        }
    }
}
