package io.camrig.examples;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.time.Duration;

/** The README's "The API in 15 lines", as it is there (a test keeps the two the same). */
public final class ApiInFifteenLines {
    public static void main(String[] args) {
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4)).block();
             Rig rig = Rig.discover(sim.central(), RigOptions.defaults().withExpectedCameras(4)).block()) {
            rig.connect()
               .then(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()))
               .then(rig.forEach("control", Camera::claimControl))
               .then(rig.forEach("video", c -> c.loadPresetGroup(1000)))
               .then(rig.forEach("ready", c -> c.awaitReady(Duration.ofSeconds(5))))
               .block();
            FireResult on = rig.fire(true).block();   // measures each camera's latency first, then fires
            System.out.printf("compensated: %b, predicted arrivals %d µs apart%n",
                    on.compensated(), on.predictedSpreadMicros().orElse(-1));
            rig.fire(false).delaySubscription(Duration.ofSeconds(2)).block();
            rig.members().forEach(m -> System.out.println(m.advertisedName() + " " + m.log()));
        }
    }
}
