package io.camrig.engine.camera;

import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import java.time.Duration;

/**
 * One virtual camera of a given model and an engine {@link Camera} connected to it over the
 * simulated BLE link, with busy and encoding registered. For round-trip tests.
 */
final class SimulatedCamera implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(20);

    final VirtualRig rig;
    final VirtualCamera sim;
    final Camera camera;

    private SimulatedCamera(VirtualRig rig, Camera camera) {
        this.rig = rig;
        this.sim = rig.cameras().get(0);
        this.camera = camera;
    }

    /** A camera of {@code model} whose busy periods last {@code busy}, with 1 ms of link latency. */
    static SimulatedCamera start(String model, Duration busy) {
        SimulatorOptions options = SimulatorOptions.defaults().withCameras(1).withModel(model)
                .withLatency(Duration.ofMillis(1), Duration.ofMillis(1)).withMediaFileBytes(1024).withBusy(busy, busy);
        VirtualRig rig = VirtualRig.start(options).block(LIMIT);
        VirtualCamera sim = rig.cameras().get(0);
        Camera camera = rig.central().connect(sim.identity().address())
                .flatMap(link -> Camera.open(link, sim.identity().bleName(), CameraOptions.defaults()))
                .block(LIMIT);
        camera.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(LIMIT);
        return new SimulatedCamera(rig, camera);
    }

    /** Waits until the camera is neither busy nor encoding. */
    void awaitReady() {
        camera.awaitReady(LIMIT).block(LIMIT);
    }

    @Override
    public void close() {
        camera.close();
        rig.close();
    }
}
